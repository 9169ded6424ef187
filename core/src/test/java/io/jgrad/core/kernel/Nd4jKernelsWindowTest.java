package io.jgrad.core.kernel;

import static io.jgrad.core.kernel.KernelAgreement.CASES;
import static io.jgrad.core.kernel.KernelAgreement.CPU;
import static io.jgrad.core.kernel.KernelAgreement.FLOATS;
import static io.jgrad.core.kernel.KernelAgreement.ND;
import static io.jgrad.core.kernel.KernelAgreement.assertAgree;
import static io.jgrad.core.kernel.KernelAgreement.assertClose;
import static io.jgrad.core.kernel.KernelAgreement.dev;
import static io.jgrad.core.kernel.KernelAgreement.random;
import static io.jgrad.core.kernel.KernelAgreement.s;
import static io.jgrad.core.kernel.KernelAgreement.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The window and channel kernels (convolution, max pooling, batch-norm sums) on both devices against
 * a reference: the CPU device's convolution (stride-1 shifted products, im2col otherwise) and the ND4J
 * device's against {@link ComposedConv} run on the CPU's generic kernels, which shares no code with it.
 */
class Nd4jKernelsWindowTest {

    /** A random valid convolution: {xShape, wShape, window as {kh, kw, sh, sw, ph, pw, dh, dw}, {groups}}. */
    private static int[][] convCase(Random r) {
        while (true) {
            // 16+ channels per group take the CPU's shifted products, fewer im2col
            int groups = 1 + r.nextInt(2), cg = r.nextBoolean() ? 1 + r.nextInt(3) : 16 + r.nextInt(3), og = 1 + r.nextInt(3);
            int kh = 1 + r.nextInt(3), kw = 1 + r.nextInt(3), sh = 1 + r.nextInt(2), sw = r.nextInt(3) == 0 ? 2 : sh;
            int ph = r.nextInt(3), pw = r.nextInt(3), dh = 1 + r.nextInt(2), dw = 1 + r.nextInt(2);
            int[] x = {1 + r.nextInt(3), groups * cg, 1 + r.nextInt(7), 1 + r.nextInt(7)};
            Window2d win = new Window2d(kh, kw, sh, sw, ph, pw, dh, dw);
            if (win.outH(x[2]) < 1 || win.outW(x[3]) < 1) continue;
            return new int[][] {x, {groups * og, cg, kh, kw}, {kh, kw, sh, sw, ph, pw, dh, dw}, {groups}};
        }
    }

    private static Window2d window(int[] v) {
        return new Window2d(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }

    @Test
    void convolutionAndItsGradientsAgreeWithTheComposedReference() {
        for (Class<?> type : FLOATS) {
            for (int c = 0; c < CASES * 2; c++) {
                Random r = random(c * 131);
                int[][] k = convCase(r);
                int[] xs = k[0], ws = k[1];
                Window2d win = window(k[2]);
                int groups = k[3][0], ys = xs[0] * ws[0] * win.outH(xs[2]) * win.outW(xs[3]);
                Object x = values(r, type, xs[0] * xs[1] * xs[2] * xs[3], 0), w = values(r, type, ws[0] * ws[1] * ws[2] * ws[3], 0);
                if (c % 5 == 4) {  // inf and NaN mixed in, so the shifted path's fallbacks run too
                    nonFinite(r, x);
                    nonFinite(r, w);
                }
                Object gy = values(r, type, ys, 0);
                String ctx = type.getSimpleName() + " case " + c + " x " + s(xs) + " w " + s(ws) + " " + win + " groups " + groups;
                Object y = ComposedConv.forward(CPU, x, xs, w, ws, win, groups);
                assertNear(y, CPU.conv2d(x, xs, w, ws, win, groups), ctx + " forward (CPU)");
                assertNear(y, ND.host(ND.conv2d(dev(x), xs, dev(w), ws, win, groups)), ctx + " forward (ND4J)");
                Object gx = ComposedConv.inputGrad(CPU, gy, w, ws, xs, win, groups);
                assertNear(gx, CPU.conv2dInputGrad(gy, w, ws, xs, win, groups), ctx + " input grad (CPU)");
                assertNear(gx, ND.host(ND.conv2dInputGrad(dev(gy), dev(w), ws, xs, win, groups)), ctx + " input grad (ND4J)");
                Object gw = ComposedConv.weightGrad(CPU, gy, x, xs, ws, win, groups);
                assertNear(gw, CPU.conv2dWeightGrad(gy, x, xs, ws, win, groups), ctx + " weight grad (CPU)");
                assertNear(gw, ND.host(ND.conv2dWeightGrad(dev(gy), dev(x), xs, ws, win, groups)), ctx + " weight grad (ND4J)");
            }
        }
    }

    @Test
    void theWeightGradientHasTheSameBitsOnAnyNumberOfThreads() {
        int before = Parallel.numThreads();
        Random r = random(7);
        int[] xs = {13, 16, 9, 9}, ws = {6, 16, 3, 3};
        for (Window2d win : new Window2d[] {new Window2d(3, 3, 1, 1, 1, 1, 1, 1), new Window2d(3, 3, 2, 2, 1, 1, 1, 1)}) {
            Object x = values(r, float[].class, 13 * 16 * 81, 0), gy = values(r, float[].class, 13 * 6 * win.outH(9) * win.outW(9), 0);
            try {
                Parallel.setNumThreads(1);
                float[] one = (float[]) CPU.conv2dWeightGrad(gy, x, xs, ws, win, 1);
                Parallel.setNumThreads(3);
                assertArrayEquals(one, (float[]) CPU.conv2dWeightGrad(gy, x, xs, ws, win, 1), win.toString());
            } finally {
                Parallel.setNumThreads(before);
            }
        }
    }

    @Test
    void maxPoolingAgreesInValuesPositionsAndGradient() {
        for (Class<?> type : FLOATS) {
            for (int c = 0; c < CASES; c++) {
                Random r = random(c * 137);
                int[] xs = {1 + r.nextInt(3), 1 + r.nextInt(3), 1 + r.nextInt(7), 1 + r.nextInt(7)};
                int kh = 1 + r.nextInt(3), kw = 1 + r.nextInt(3);
                Window2d win = c % 3 == 0 ? new Window2d(2, 2, 2, 2, 0, 0, 1, 1)  // float's unrolled path
                        : new Window2d(kh, kw, 1 + r.nextInt(2), 1 + r.nextInt(2), r.nextInt(kh / 2 + 1),
                        r.nextInt(kw / 2 + 1), 1 + r.nextInt(2), 1 + r.nextInt(2));
                if (win.outH(xs[2]) < 1 || win.outW(xs[3]) < 1) continue;
                int n = xs[0] * xs[1] * win.outH(xs[2]) * win.outW(xs[3]);
                // small integers make ties; a fifth of the values are NaN, ±inf and the like
                Object x = values(r, type, xs[0] * xs[1] * xs[2] * xs[3], 0.2);
                for (int i = 0; i < Buffers.length(x); i++) {
                    if (r.nextBoolean()) Buffers.set(x, i, r.nextInt(3));
                }
                int[] cpuIndex = new int[n], ndIndex = new int[n];
                String ctx = type.getSimpleName() + " case " + c + " " + s(xs) + " " + win;
                assertAgree(CPU.maxPool2d(x, xs, win, cpuIndex), ND.maxPool2d(dev(x), xs, win, ndIndex), ctx);
                assertArrayEquals(cpuIndex, ndIndex, ctx + " positions");
                int[] generic = new int[n];  // double takes the general scan: the same positions
                CPU.maxPool2d(Buffers.toDoubles(x), xs, win, generic);
                assertArrayEquals(generic, cpuIndex, ctx + " positions against the general scan");
                Object g = values(r, type, n, 0);
                assertAgree(CPU.maxPool2dBackward(g, cpuIndex, xs), ND.maxPool2dBackward(dev(g), ndIndex, xs), ctx + " grad");
            }
        }
    }

    @Test
    void channelSumsAndAffineMapsAgree() {
        for (Class<?> type : FLOATS) {
            for (int c = 0; c < CASES; c++) {
                Random r = random(c * 139);
                int[] ncl = {r.nextInt(4), 1 + r.nextInt(4), r.nextInt(6)};
                int len = ncl[0] * ncl[1] * ncl[2];
                Object x = values(r, type, len, c % 5 == 4 ? 0.1 : 0), y = values(r, type, len, 0);
                double[] center = (double[]) values(r, double[].class, ncl[1], 0);
                double[] a = (double[]) values(r, double[].class, ncl[1], 0), b = (double[]) values(r, double[].class, ncl[1], 0);
                String ctx = type.getSimpleName() + " case " + c + " " + s(ncl);
                // float input: the sums are doubles of float precision
                Class<?> as = type == float[].class ? float[].class : double[].class;
                assertClose(CPU.convert(CPU.channelSums(x, null, null, ncl), as),
                        CPU.convert(ND.channelSums(dev(x), null, null, ncl), as), ctx + " sum");
                assertClose(CPU.convert(CPU.channelSums(x, center, null, ncl), as),
                        CPU.convert(ND.channelSums(dev(x), center, null, ncl), as), ctx + " squares");
                assertClose(CPU.convert(CPU.channelSums(x, center, y, ncl), as),
                        CPU.convert(ND.channelSums(dev(x), center, dev(y), ncl), as), ctx + " dot");
                assertAgree(CPU.channelAffine(x, a, null, null, center, ncl), ND.channelAffine(dev(x), a, null, null, center,
                        ncl), ctx + " affine");
                assertAgree(CPU.channelAffine(x, a, y, b, center, ncl), ND.channelAffine(dev(x), a, dev(y), b, center, ncl),
                        ctx + " affine of two");
            }
        }
    }

    /** A few elements set to NaN or ±inf (not huge values: where a sum overflows depends on its order). */
    private static void nonFinite(Random r, Object a) {
        double[] bad = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < Buffers.length(a); i++) {
            if (r.nextInt(20) == 0) Buffers.set(a, i, bad[r.nextInt(3)]);
        }
    }

    /**
     * Sums of products in another order: within the type's tolerance of the largest finite magnitude in
     * the result (a relative test fails on results that cancel to near zero), NaN and ±inf exactly where
     * the reference has them.
     */
    private static void assertNear(Object expected, Object actual, String ctx) {
        int n = Buffers.length(expected);
        if (n != Buffers.length(actual)) fail(ctx + ": length " + Buffers.length(actual) + ", expected " + n);
        double scale = 0;
        for (int i = 0; i < n; i++) {
            double e = Buffers.get(expected, i);
            if (Double.isFinite(e)) scale = Math.max(scale, Math.abs(e));
        }
        double tol = (expected instanceof float[] ? 1e-5 : 1e-10) * Math.max(scale, 1e-30);
        for (int i = 0; i < n; i++) {
            double e = Buffers.get(expected, i), a = Buffers.get(actual, i);
            boolean ok = Double.isFinite(e) ? Math.abs(e - a) <= tol : Double.isNaN(e) ? Double.isNaN(a) : e == a;
            if (!ok) fail(ctx + ": element " + i + " expected " + e + " got " + a);
        }
    }
}
