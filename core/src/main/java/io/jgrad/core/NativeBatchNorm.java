package io.jgrad.core;

import io.jgrad.core.kernel.Buffers;
import io.jgrad.core.kernel.Kernels;
import java.util.ArrayList;
import java.util.List;

/**
 * Batch normalisation over dim 1, PyTorch's {@code native_batch_norm}: x viewed [N, C, L] is
 * normalised per channel with the batch's mean and biased variance (training) or the running ones,
 * then scaled by weight and shifted by bias. The statistics are per-channel sums in double and the
 * output one affine pass ({@link Kernels#channelSums}, {@link Kernels#channelAffine}); in training the
 * running statistics move toward the batch's (unbiased variance), in place. Backward is PyTorch's
 * closed form, again two sums and one pass.
 */
final class NativeBatchNorm extends Op {
    private final boolean training, hasWeight, hasBias;
    private final double eps;
    private int[] ncl;
    private double[] mean, var, invstd, weight;

    private NativeBatchNorm(boolean training, double eps, boolean hasWeight, boolean hasBias) {
        this.training = training;
        this.eps = eps;
        this.hasWeight = hasWeight;
        this.hasBias = hasBias;
    }

    /** {@link Fused#batchNorm}. */
    static Tensor batchNorm(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
                            boolean training, double momentum, double eps) {
        Check.notNull(input, "batch_norm", "input");
        Check.argument(input.dim() >= 2 && input.dtype().isFloatingPoint(), "batch_norm: expects a floating input "
                + "[N, C, *]; got %s %s", input.dtype(), Check.shape(input.shape()));
        int c = input.size(1);
        for (Tensor t : new Tensor[] {runningMean, runningVar, weight, bias}) {
            Check.argument(t == null || t.dim() == 1 && t.size(0) == c && t.dtype() == input.dtype(), "batch_norm: "
                    + "running_mean, running_var, weight and bias must be [%d] %s like the input's channels; got %s %s",
                    c, input.dtype(), t == null ? "" : t.dtype(), t == null ? "" : Check.shape(t.shape()));
        }
        Check.argument((runningMean == null) == (runningVar == null) && (training || runningMean != null),
                "batch_norm: running_mean and running_var go together, and eval needs them");
        for (Tensor t : new Tensor[] {runningMean, runningVar}) {
            Check.argument(t == null || !t.requiresGrad(), "The function 'native_batch_norm' is not differentiable with "
                    + "respect to argument '%s'. This input cannot have requires_grad True; pass it detach()ed",
                    t == runningMean ? "running_mean" : "running_var");
        }
        long perChannel = input.numel() / Math.max(c, 1);
        Check.argument(!training || perChannel > 1, "Expected more than 1 value per channel when training, got input "
                + "size %s", Check.shape(input.shape()));
        NativeBatchNorm op = new NativeBatchNorm(training, eps, weight != null, bias != null);
        List<Tensor> in = new ArrayList<>(List.of(input));
        if (weight != null) in.add(weight);
        if (bias != null) in.add(bias);
        if (!training) op.setStatistics(host(runningMean), host(runningVar));
        Tensor y = op.apply(in.toArray(Tensor[]::new));
        if (training && runningMean != null) op.updateRunning(runningMean, runningVar, momentum, perChannel);
        return y;
    }

    private void setStatistics(double[] mean, double[] var) {
        this.mean = mean;
        this.var = var;
        invstd = new double[var.length];
        for (int c = 0; c < var.length; c++) invstd[c] = 1 / Math.sqrt(var[c] + eps);
    }

    /** running = (1 - momentum)·running + momentum·batch, with the batch's unbiased variance. */
    private void updateRunning(Tensor runningMean, Tensor runningVar, double momentum, long count) {
        double[] rm = host(runningMean), rv = host(runningVar);
        for (int c = 0; c < rm.length; c++) {
            rm[c] = momentum * mean[c] + (1 - momentum) * rm[c];
            rv[c] = momentum * var[c] * count / (count - 1) + (1 - momentum) * rv[c];
        }
        try (var g = Tensor.noGrad()) {
            runningMean.copyFrom(Creation.vectorOn(runningMean, rm));
            runningVar.copyFrom(Creation.vectorOn(runningVar, rv));
        }
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor x = in[0];
        Kernels k = x.kernels();
        int[] shape = x.shape();
        ncl = new int[] {shape[0], shape[1], x.numel() / Math.max(1, shape[0] * shape[1])};
        int c = shape[1];
        if (training) {
            double count = (double) ncl[0] * ncl[2];
            double[] m = k.channelSums(x.data(), null, null, ncl);
            for (int i = 0; i < c; i++) m[i] /= count;
            double[] var = k.channelSums(x.data(), m, null, ncl);
            for (int i = 0; i < c; i++) var[i] /= count;
            setStatistics(m, var);
        }
        weight = hasWeight ? host(in[1]) : ones(c);
        double[] b = hasBias ? host(in[hasWeight ? 2 : 1]) : new double[c];
        double[] scale = new double[c], shift = new double[c];
        for (int i = 0; i < c; i++) {
            scale[i] = invstd[i] * weight[i];
            shift[i] = b[i] - mean[i] * scale[i];
        }
        save(x);
        return new Tensor(k.channelAffine(x.data(), scale, null, null, shift, ncl), shape);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor x = saved(0);
        Kernels k = g.kernels();
        int c = ncl[1];
        double count = (double) ncl[0] * ncl[2];
        double[] sumG = k.channelSums(g.data(), null, null, ncl), dot = k.channelSums(x.data(), mean, g.data(), ncl);
        Tensor[] grads = new Tensor[inputs.length];
        if (needsInputGrad(0)) {
            double[] a = new double[c], b = training ? new double[c] : null, shift = new double[c];
            for (int i = 0; i < c; i++) {
                a[i] = invstd[i] * weight[i];
                if (training) {
                    double proj = dot[i] * invstd[i] * invstd[i] / count, gradMean = sumG[i] / count;
                    b[i] = -proj * a[i];
                    shift[i] = (mean[i] * proj - gradMean) * a[i];
                }
            }
            grads[0] = new Tensor(k.channelAffine(g.data(), a, training ? x.data() : null, b, shift, ncl), g.shape());
        }
        int at = 1;
        if (hasWeight) {
            double[] gw = new double[c];
            for (int i = 0; i < c; i++) gw[i] = dot[i] * invstd[i];
            grads[at] = needsInputGrad(at) ? Creation.vectorOn(g, gw) : null;
            at++;
        }
        if (hasBias) grads[at] = needsInputGrad(at) ? Creation.vectorOn(g, sumG) : null;
        return grads;
    }

    private static double[] ones(int c) {
        double[] v = new double[c];
        java.util.Arrays.fill(v, 1);
        return v;
    }

    private static double[] host(Tensor t) {
        return Buffers.toDoubles(t.kernels().host(t.data()));
    }
}
