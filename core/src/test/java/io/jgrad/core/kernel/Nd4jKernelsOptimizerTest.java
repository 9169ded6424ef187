package io.jgrad.core.kernel;

import static io.jgrad.core.kernel.KernelAgreement.CPU;
import static io.jgrad.core.kernel.KernelAgreement.FLOATS;
import static io.jgrad.core.kernel.KernelAgreement.ND;
import static io.jgrad.core.kernel.KernelAgreement.assertIdentical;
import static io.jgrad.core.kernel.KernelAgreement.dev;
import static io.jgrad.core.kernel.KernelAgreement.random;
import static io.jgrad.core.kernel.KernelAgreement.values;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Nd4jKernels' in-place optimizer updates against CpuKernels: every option combination, a few
 * seeds each, three steps so the state carries over (the first step of SGD with momentum clones
 * the gradient into the buffer). Both run the same IEEE operations in the same order, so the
 * results must be identical, not merely close.
 */
class Nd4jKernelsOptimizerTest {
    private static final int SEEDS = 4, STEPS = 3;

    private static int size(Random r, int seed) {
        return seed == 0 ? 0 : 1 + r.nextInt(seed == 3 ? 300 : 40);
    }

    @Test
    void sgdEveryOptionCombination() {
        for (Class<?> type : FLOATS) {
            for (int combo = 0; combo < 32; combo++) {
                double momentum = (combo & 1) != 0 ? 0.9 : 0, dampening = (combo & 2) != 0 ? 0.1 : 0;
                double weightDecay = (combo & 4) != 0 ? 1e-2 : 0;
                boolean nesterov = (combo & 8) != 0, maximize = (combo & 16) != 0;
                for (int seed = 0; seed < SEEDS; seed++) {
                    Random r = random(combo * 151 + seed);
                    int n = size(r, seed);
                    Object p = values(r, type, n, 0), dp = dev(p);
                    Object buf = momentum == 0 ? null : CPU.zeros(type, n), dbuf = buf == null ? null : dev(buf);
                    for (int step = 0; step < STEPS; step++) {
                        Object g = values(r, type, n, seed == 2 ? 0.05 : 0);
                        double lr = 0.01 + r.nextDouble() * 0.5;
                        String ctx = type.getSimpleName() + " momentum " + momentum + " dampening " + dampening + " wd " + weightDecay
                                + " nesterov " + nesterov + " maximize " + maximize + " seed " + seed + " step " + step;
                        Object dg = dev(g);
                        CPU.sgd(p, g, buf, weightDecay, momentum, lr, dampening, nesterov, maximize, step == 0);
                        ND.sgd(dp, dg, dbuf, weightDecay, momentum, lr, dampening, nesterov, maximize, step == 0);
                        assertIdentical(p, dp, ctx + ": param");
                        if (buf != null) assertIdentical(buf, dbuf, ctx + ": momentum buffer");
                        assertIdentical(g, dg, ctx + ": grad untouched");
                    }
                }
            }
        }
    }

    @Test
    void adamAndAdamWEveryOptionCombination() {
        for (Class<?> type : FLOATS) {
            for (int combo = 0; combo < 16; combo++) {
                boolean decoupled = (combo & 1) != 0, amsgrad = (combo & 2) != 0, maximize = (combo & 4) != 0;
                double weightDecay = (combo & 8) != 0 ? 1e-2 : 0;
                for (int seed = 0; seed < SEEDS; seed++) {
                    Random r = random(combo * 157 + seed);
                    int n = size(r, seed);
                    Object p = values(r, type, n, 0), m = CPU.zeros(type, n), v = CPU.zeros(type, n);
                    Object vmax = amsgrad ? CPU.zeros(type, n) : null;
                    Object dp = dev(p), dm = dev(m), dv = dev(v), dvmax = amsgrad ? dev(vmax) : null;
                    double lr = 1e-3 + r.nextDouble() * 0.1, beta1 = 0.9, beta2 = seed == 1 ? 0.5 : 0.999, eps = 1e-8;
                    for (int step = 1; step <= STEPS; step++) {
                        Object g = values(r, type, n, seed == 2 ? 0.05 : 0);
                        if (step > 1 && seed == 3) g = CPU.binary(Elementwise.Binary.MUL, g, new int[] {n}, CPU.convert(new double[] {0.01}, type),
                                new int[] {}, new int[] {n});  // smaller second moments: AMSGrad keeps the old maximum
                        String ctx = type.getSimpleName() + " decoupled " + decoupled + " amsgrad " + amsgrad + " maximize " + maximize
                                + " wd " + weightDecay + " seed " + seed + " step " + step;
                        CPU.adam(p, g, m, v, vmax, step, lr, beta1, beta2, weightDecay, eps, decoupled, maximize);
                        ND.adam(dp, dev(g), dm, dv, dvmax, step, lr, beta1, beta2, weightDecay, eps, decoupled, maximize);
                        assertIdentical(p, dp, ctx + ": param");
                        assertIdentical(m, dm, ctx + ": exp_avg");
                        assertIdentical(v, dv, ctx + ": exp_avg_sq");
                        if (amsgrad) assertIdentical(vmax, dvmax, ctx + ": max_exp_avg_sq");
                    }
                }
            }
        }
    }
}
