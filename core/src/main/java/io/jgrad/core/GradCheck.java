package io.jgrad.core;

import java.util.function.Function;

/**
 * Compares backward's gradients with central finite differences, like {@code torch.autograd.gradcheck}
 * (same defaults: eps 1e-6, atol 1e-5, rtol 1e-3). Inputs must be float64; those that require grad are
 * checked. The function may return any shape: each output element's gradient row is checked.
 *
 * <pre>
 * jshell> var x = Tensor.randn(3).toDouble().requiresGrad(true);
 * jshell> GradCheck.check(in -> in[0].tanh().mul(in[0]), x)
 * $2 ==> true
 * </pre>
 */
public final class GradCheck {
    public static final double EPS = 1e-6, ATOL = 1e-5, RTOL = 1e-3;

    private GradCheck() {}

    /** True when analytical and numerical Jacobians agree; otherwise throws AssertionError saying where. */
    public static boolean check(Function<Tensor[], Tensor> f, Tensor... inputs) {
        return check(f, EPS, ATOL, RTOL, inputs);
    }

    public static boolean check(Function<Tensor[], Tensor> f, double eps, double atol, double rtol, Tensor... inputs) {
        Check.argument(java.util.Arrays.stream(inputs).anyMatch(Tensor::requiresGrad), "gradcheck: no input requires grad; "
                + "call requiresGrad(true) on the inputs to check");
        for (int i = 0; i < inputs.length; i++) {
            Tensor in = inputs[i];
            Check.argument(!in.requiresGrad() || in.dtype() == DType.FLOAT64, "gradcheck: input %d is %s; finite "
                    + "differences need float64 inputs (use toDouble())", i, in.dtype());
        }
        int m = f.apply(inputs).numel();
        double[][][] analytic = analyticJacobians(f, inputs, m);
        for (int i = 0; i < inputs.length; i++) {
            Tensor in = inputs[i];
            if (!in.requiresGrad()) continue;
            for (int j = 0; j < in.numel(); j++) {
                double[] numeric = numericColumn(f, inputs, in, j, eps, m);
                for (int k = 0; k < m; k++) {
                    double a = analytic[i][k][j];
                    if (Math.abs(a - numeric[k]) > atol + rtol * Math.abs(numeric[k])) {
                        throw new AssertionError(String.format("gradcheck: Jacobian mismatch for output element %d with "
                                + "respect to input %d element %d: numerical %.10g, analytical %.10g", k, i, j,
                                numeric[k], a));
                    }
                }
            }
        }
        return true;
    }

    /** [input][output element][input element], one backward pass per output element. */
    private static double[][][] analyticJacobians(Function<Tensor[], Tensor> f, Tensor[] inputs, int m) {
        double[][][] jac = new double[inputs.length][m][];
        for (int k = 0; k < m; k++) {
            for (Tensor t : inputs) t.zeroGrad();
            Tensor out = f.apply(inputs);
            if (out.requiresGrad()) {
                Tensor seed = Tensor.zerosLike(out);
                seed.kernels().set(seed.data(), k, 1);
                out.backward(seed);
            }
            for (int i = 0; i < inputs.length; i++) {
                Tensor g = inputs[i].grad();
                jac[i][k] = g == null ? new double[inputs[i].numel()] : g.toDoubleArray();
            }
        }
        for (Tensor t : inputs) t.zeroGrad();
        return jac;
    }

    /** Central differences for element j of {@code in}, bumping its version at each write as an in-place op would. */
    private static double[] numericColumn(Function<Tensor[], Tensor> f, Tensor[] inputs, Tensor in, int j, double eps,
                                          int m) {
        var kernels = in.kernels();
        Object x = in.data();
        double saved = kernels.get(x, j);
        double[] plus, minus;
        try (var g = GradMode.noGrad()) {
            kernels.set(x, j, saved + eps);
            in.bumpVersion();
            plus = f.apply(inputs).toDoubleArray();
            kernels.set(x, j, saved - eps);
            in.bumpVersion();
            minus = f.apply(inputs).toDoubleArray();
        } finally {
            kernels.set(x, j, saved);
            in.bumpVersion();
        }
        double[] col = new double[m];
        for (int k = 0; k < m; k++) col[k] = (plus[k] - minus[k]) / (2 * eps);
        return col;
    }
}
