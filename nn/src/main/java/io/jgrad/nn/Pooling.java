package io.jgrad.nn;

import io.jgrad.core.Fused;
import io.jgrad.core.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Pooling over [N, C, H, W] or [C, H, W] (the F functions' math). Max pooling is core's
 * {@link Fused#maxPool2d}; average pooling reduces the last dim of each channel's windows,
 * {@link Fused.BlockLayout#WINDOWS} [N, C, L, kh·kw].
 */
final class Pooling {
    private Pooling() {}

    static Tensor maxPool2d(Tensor input, int[] kernel, int[] stride, int[] padding, int[] dilation) {
        int[][] o = options("max_pool2d", input, kernel, stride, padding, dilation);
        Tensor x = batched(input);
        Tensor y = Fused.maxPool2d(x, o[0], o[1], o[2], o[3]);
        return input.dim() == 4 ? y : y.squeeze(0);
    }

    static Tensor avgPool2d(Tensor input, int[] kernel, int[] stride, int[] padding, boolean countIncludePad) {
        int[][] o = options("avg_pool2d", input, kernel, stride, padding, new int[] {1});
        Tensor x = batched(input);
        Tensor windows = Fused.im2col(x, o[0], o[3], o[2], o[1], 0, Fused.BlockLayout.WINDOWS);
        Tensor out;
        if (countIncludePad || o[2][0] == 0 && o[2][1] == 0) {
            out = windows.mean(3);
        } else {
            Tensor ones = Tensor.onesLike(x.narrow(0, 0, 1).narrow(1, 0, 1)).detach();
            Tensor counts = Fused.im2col(ones, o[0], o[3], o[2], o[1], 0, Fused.BlockLayout.WINDOWS).sum(3);
            out = windows.sum(3).div(counts);
        }
        return shaped(out.unsqueeze(3), input, x, o);
    }

    /**
     * PyTorch's adaptive windows, [floor(i·H/out), ceil((i+1)·H/out)) along each dim; a rectangle's
     * mean is the mean over its rows of the means over its columns, so each dim is pooled on its own.
     */
    static Tensor adaptiveAvgPool2d(Tensor input, int[] outputSize) {
        if (input == null) throw new NullPointerException("adaptive_avg_pool2d: input is null");
        int[] size = Convolutions.pair("adaptive_avg_pool2d", "output_size", outputSize, 1);
        checkInput("adaptive_avg_pool2d", input);
        Convolutions.check(input.size(-2) > 0 && input.size(-1) > 0, "adaptive_avg_pool2d: expected input with non-zero "
                + "spatial size, but got input of size %s", Arrays.toString(input.shape()));
        return adaptive(adaptive(input, -2, size[0]), -1, size[1]);
    }

    private static Tensor adaptive(Tensor x, int dim, int out) {
        int in = x.size(dim);
        List<Tensor> parts = new ArrayList<>();
        for (int i = 0; i < out; i++) {
            int start = (int) ((long) i * in / out), end = (int) (((long) (i + 1) * in + out - 1) / out);
            parts.add(x.narrow(dim, start, end - start).mean(dim, true));
        }
        return Tensor.cat(parts, dim);
    }

    /** {kernel, stride, padding, dilation} as pairs, stride defaulting to the kernel, checked as PyTorch does. */
    private static int[][] options(String op, Tensor input, int[] kernel, int[] stride, int[] padding, int[] dilation) {
        if (input == null) throw new NullPointerException(op + ": input is null");
        int[] k = Convolutions.pair(op, "kernel_size", kernel, 1);
        int[] s = stride == null || stride.length == 0 ? k : Convolutions.pair(op, "stride", stride, 1);
        int[] p = Convolutions.pair(op, "padding", padding, 0);
        int[] d = Convolutions.pair(op, "dilation", dilation, 1);
        checkInput(op, input);
        Convolutions.check(2 * p[0] <= k[0] && 2 * p[1] <= k[1], "%s: pad should be at most half of kernel size, but got "
                + "padding=%s and kernel_size=%s; reduce the padding or enlarge the kernel", op, Arrays.toString(p),
                Arrays.toString(k));
        return new int[][] {k, s, p, d};
    }

    private static void checkInput(String op, Tensor input) {
        Convolutions.check(input.dim() == 3 || input.dim() == 4, "%s: expected 3-D (unbatched [C, H, W]) or 4-D (batched "
                + "[N, C, H, W]) input, but got input of size %s", op, Arrays.toString(input.shape()));
    }

    private static Tensor batched(Tensor input) {
        return input.dim() == 4 ? input : input.unsqueeze(0);
    }

    /** [N, C, L, 1] back to [N, C, OH, OW], without N for an unbatched input. */
    private static Tensor shaped(Tensor out, Tensor input, Tensor x, int[][] o) {
        int oh = (x.size(2) + 2 * o[2][0] - o[3][0] * (o[0][0] - 1) - 1) / o[1][0] + 1;
        Tensor y = out.reshape(x.size(0), x.size(1), oh, -1);
        return input.dim() == 4 ? y : y.squeeze(0);
    }

    /** The repr's common part, {@code kernel_size=2, stride=2, padding=0}. */
    static String windows(int[] kernelSize, int[] stride, int[] padding) {
        return "kernel_size=" + repr(kernelSize) + ", stride=" + repr(stride) + ", padding=" + repr(padding);
    }

    /** An option as PyTorch prints what it was given: {@code 2} for one int, {@code (2, 3)} for a pair. */
    static String repr(int[] v) {
        return v.length == 1 ? Integer.toString(v[0]) : ConvNd.tuple(v);
    }
}
