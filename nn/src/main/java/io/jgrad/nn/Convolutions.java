package io.jgrad.nn;

import io.jgrad.core.Fused;
import io.jgrad.core.Tensor;
import java.util.Arrays;

/**
 * Convolution's arguments, checked with PyTorch's messages, for core's {@link Fused#conv2d} (the F
 * functions' math). A 1-D convolution is a 2-D one of height 1, and an unbatched input a batch of one.
 */
final class Convolutions {
    private Convolutions() {}

    static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation, int groups) {
        return conv("conv2d", 2, input, weight, bias, pair("conv2d", "stride", stride, 1),
                pair("conv2d", "padding", padding, 0), pair("conv2d", "dilation", dilation, 1), groups);
    }

    static Tensor conv1d(Tensor input, Tensor weight, Tensor bias, int stride, int padding, int dilation, int groups) {
        checkNotNull("conv1d", input, weight);
        checkRanks("conv1d", 1, input, weight);
        Tensor x = input.unsqueeze(-2), w = weight.unsqueeze(-2);
        return conv("conv1d", 2, x, w, bias, new int[] {1, stride}, new int[] {0, padding}, new int[] {1, dilation}, groups)
                .squeeze(-2);
    }

    private static Tensor conv(String op, int spatial, Tensor input, Tensor weight, Tensor bias, int[] stride,
                               int[] padding, int[] dilation, int groups) {
        checkNotNull(op, input, weight);
        checkRanks(op, spatial, input, weight);
        boolean batched = input.dim() == weight.dim();
        Tensor x = batched ? input : input.unsqueeze(0);
        int outC = weight.size(0), perGroup = weight.size(1), inC = x.size(1);
        check(groups > 0, "%s: groups must be a positive integer; got %d", op, groups);
        check(outC % groups == 0, "%s: out_channels must be divisible by groups; weight of size %s has %d output "
                + "channels and groups=%d", op, Arrays.toString(weight.shape()), outC, groups);
        check(inC == perGroup * groups, "%s: given groups=%d, weight of size %s, expected input%s to have %d channels, "
                + "but got %d channels instead; the weight's second dim is in_channels / groups", op, groups,
                Arrays.toString(weight.shape()), Arrays.toString(input.shape()), perGroup * groups, inC);
        check(input.dtype() == weight.dtype(), "%s: input is %s but weight is %s; convert one with to(dtype) "
                + "(e.g. model.toDouble() or input.toFloat())", op, input.dtype(), weight.dtype());
        check(bias == null || bias.dim() == 1 && bias.size(0) == outC, "%s: bias must have shape [%d] (one per output "
                + "channel) but has shape %s", op, outC, bias == null ? "" : Arrays.toString(bias.shape()));
        Tensor y = Fused.conv2d(x, weight, bias, stride, padding, dilation, groups);
        return batched ? y : y.squeeze(0);
    }

    private static void checkNotNull(String op, Tensor input, Tensor weight) {
        if (input == null) throw new NullPointerException(op + ": input is null");
        if (weight == null) throw new NullPointerException(op + ": weight is null");
    }

    private static void checkRanks(String op, int spatial, Tensor input, Tensor weight) {
        String dims = spatial == 1 ? "L" : "H, W";
        check(weight.dim() == spatial + 2, "%s: expected a %d-D weight [out_channels, in_channels / groups, %s] but got "
                + "shape %s", op, spatial + 2, spatial == 1 ? "kernel" : "kh, kw", Arrays.toString(weight.shape()));
        check(input.dim() == spatial + 1 || input.dim() == spatial + 2, "%s: expected %d-D (unbatched [C, %s]) or %d-D "
                + "(batched [N, C, %s]) input, but got input of size %s", op, spatial + 1, dims, spatial + 2, dims,
                Arrays.toString(input.shape()));
    }

    static void check(boolean ok, String format, Object... args) {
        if (!ok) throw new IllegalArgumentException(String.format(format, args));
    }

    /** A (height, width) pair from one int or two; {@code name} and {@code min} for the message. */
    static int[] pair(String op, String name, int[] v, int min) {
        check(v != null && (v.length == 1 || v.length == 2), "%s: %s must be one int or two (height, width); got %s", op,
                name, Arrays.toString(v));
        int[] p = v.length == 1 ? new int[] {v[0], v[0]} : v.clone();
        check(p[0] >= min && p[1] >= min, "%s: %s must be %s; got %s", op, name, min == 0 ? "non-negative" : "positive",
                Arrays.toString(v));
        return p;
    }
}
