package io.jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Gradient descent through the library against an independent optimum: Newton's method, written here. */
class LogisticRegressionTest {
    @Test
    void gradientDescentReachesTheNewtonOptimum() {
        LogisticRegression.Fit fit = LogisticRegression.binary(3000);
        double[] newton = newton(fit.x().toDoubleArray(), fit.y().toDoubleArray(), fit.x().size(1), LogisticRegression.L2);
        double[] w = fit.model().weight.toDoubleArray();
        for (int j = 0; j < w.length; j++) assertEquals(newton[j], w[j], 1e-3, "weight " + j);
        assertEquals(newton[w.length], fit.model().bias.item(), 1e-3, "bias");
        assertTrue(fit.accuracy() > 0.98, "training accuracy " + fit.accuracy());
    }

    @Test
    void softmaxRegressionSeparatesTheIrisSpecies() {
        LogisticRegression.Fit fit = LogisticRegression.multinomial(1000);
        assertTrue(fit.accuracy() > 0.95 && fit.loss() < 0.1, fit.toString());
    }

    /** argmin of mean(softplus(z) - y·z) + (l2 / 2)·|w|² with z = X·w + b, by Newton's method (bias unpenalised). */
    static double[] newton(double[] x, double[] y, int d, double l2) {
        int n = y.length, p = d + 1;
        double[] beta = new double[p];
        for (int iter = 0; iter < 30; iter++) {
            double[] grad = new double[p];
            double[][] hess = new double[p][p];
            for (int i = 0; i < n; i++) {
                double z = beta[d];
                for (int j = 0; j < d; j++) z += x[i * d + j] * beta[j];
                double s = 1 / (1 + Math.exp(-z)), r = s - y[i], w = s * (1 - s);
                for (int j = 0; j < p; j++) {
                    double xj = j < d ? x[i * d + j] : 1;
                    grad[j] += r * xj / n;
                    for (int k = 0; k < p; k++) hess[j][k] += w * xj * (k < d ? x[i * d + k] : 1) / n;
                }
            }
            for (int j = 0; j < d; j++) {
                grad[j] += l2 * beta[j];
                hess[j][j] += l2;
            }
            double[] step = solve(hess, grad);
            for (int j = 0; j < p; j++) beta[j] -= step[j];
        }
        return beta;
    }

    /** Gaussian elimination with partial pivoting. */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) pivot = r;
            double[] tr = a[c];
            a[c] = a[pivot];
            a[pivot] = tr;
            double tb = b[c];
            b[c] = b[pivot];
            b[pivot] = tb;
            for (int r = c + 1; r < n; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k < n; k++) a[r][k] -= f * a[c][k];
                b[r] -= f * b[c];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int k = r + 1; k < n; k++) s -= a[r][k] * x[k];
            x[r] = s / a[r][r];
        }
        return x;
    }
}
