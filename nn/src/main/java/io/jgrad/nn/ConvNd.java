package io.jgrad.nn;

import io.jgrad.core.Generator;
import io.jgrad.core.Tensor;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What {@link Conv1d} and {@link Conv2d} share, PyTorch's {@code _ConvNd}: the options, the weight
 * [out, in / groups, k...] and bias [out], both initialised as PyTorch does (kaiming_uniform with
 * a = sqrt(5), i.e. uniform in ±1/sqrt(fan_in), fan_in = in / groups · kernel elements), and the repr.
 */
public abstract class ConvNd extends Module {
    public final Tensor weight;
    public final Tensor bias;
    protected final int inChannels, outChannels, groups;
    protected final int[] kernelSize, stride, padding, dilation;

    ConvNd(String name, int inChannels, int outChannels, int[] kernelSize, int[] stride, int[] padding, int[] dilation,
           int groups, boolean bias, Generator g) {
        Convolutions.check(inChannels > 0 && outChannels > 0, "%s: in_channels and out_channels must be positive; got %d "
                + "and %d", name, inChannels, outChannels);
        Convolutions.check(groups > 0, "%s: groups must be a positive integer; got %d", name, groups);
        Convolutions.check(inChannels % groups == 0, "%s: in_channels must be divisible by groups; got in_channels=%d, "
                + "groups=%d", name, inChannels, groups);
        Convolutions.check(outChannels % groups == 0, "%s: out_channels must be divisible by groups; got out_channels=%d, "
                + "groups=%d", name, outChannels, groups);
        for (int[] v : new int[][] {kernelSize, stride, dilation}) {
            Convolutions.check(Arrays.stream(v).allMatch(x -> x > 0), "%s: kernel_size, stride and dilation must be "
                    + "positive; got kernel_size=%s, stride=%s, dilation=%s", name, tuple(kernelSize), tuple(stride),
                    tuple(dilation));
        }
        Convolutions.check(Arrays.stream(padding).allMatch(x -> x >= 0), "%s: padding must be non-negative; got %s", name,
                tuple(padding));
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.groups = groups;
        this.kernelSize = kernelSize;
        this.stride = stride;
        this.padding = padding;
        this.dilation = dilation;
        int[] shape = new int[2 + kernelSize.length];
        shape[0] = outChannels;
        shape[1] = inChannels / groups;
        System.arraycopy(kernelSize, 0, shape, 2, kernelSize.length);
        double bound = 1 / Math.sqrt(Arrays.stream(shape).skip(1).reduce(1, (a, b) -> a * b));
        weight = param("weight", Init.uniform(Tensor.zeros(shape), -bound, bound, g));
        this.bias = bias ? param("bias", Init.uniform(Tensor.zeros(outChannels), -bound, bound, g)) : null;
    }

    /** One int per spatial dim: {@code v} repeated, or {@code v} itself when it has that many. */
    static int[] expand(String name, String arg, int[] v, int n) {
        Convolutions.check(v != null && (v.length == 1 || v.length == n), "%s: %s must be one int or %d; got %s", name,
                arg, n, Arrays.toString(v));
        if (v.length == n) return v.clone();
        int[] out = new int[n];
        Arrays.fill(out, v[0]);
        return out;
    }

    /** Python's tuple repr: (3,) for one element, (3, 3) for two. */
    static String tuple(int[] v) {
        String inner = Arrays.stream(v).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        return "(" + inner + (v.length == 1 ? ",)" : ")");
    }

    @Override
    protected String extraRepr() {
        StringBuilder s = new StringBuilder().append(inChannels).append(", ").append(outChannels)
                .append(", kernel_size=").append(tuple(kernelSize)).append(", stride=").append(tuple(stride));
        if (Arrays.stream(padding).anyMatch(x -> x != 0)) s.append(", padding=").append(tuple(padding));
        if (Arrays.stream(dilation).anyMatch(x -> x != 1)) s.append(", dilation=").append(tuple(dilation));
        if (groups != 1) s.append(", groups=").append(groups);
        if (bias == null) s.append(", bias=False");
        return s.toString();
    }
}
