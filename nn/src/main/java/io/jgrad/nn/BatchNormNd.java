package io.jgrad.nn;

import io.jgrad.core.DType;
import io.jgrad.core.Tensor;
import java.util.Arrays;

/**
 * What {@link BatchNorm1d} and {@link BatchNorm2d} share, PyTorch's {@code _BatchNorm}: the options,
 * the parameters {@code weight} (ones) and {@code bias} (zeros) when affine, the buffers
 * {@code running_mean} (zeros), {@code running_var} (ones) and {@code num_batches_tracked} (int64 0)
 * when tracking running statistics, the forward and the repr. A {@code momentum} of NaN is PyTorch's
 * {@code momentum=None}: the running statistics are then the cumulative average of every batch's.
 */
public abstract class BatchNormNd extends Module {
    public final Tensor weight, bias;
    public final Tensor runningMean, runningVar, numBatchesTracked;
    protected final int numFeatures;
    protected final double eps, momentum;

    BatchNormNd(String name, int numFeatures, double eps, double momentum, boolean affine, boolean trackRunningStats) {
        if (numFeatures <= 0) {
            throw new IllegalArgumentException(name + ": num_features must be positive (the input's channel count, "
                    + "dim 1); got " + numFeatures);
        }
        if (!(eps >= 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException(name + ": eps must be a finite non-negative number; got " + eps);
        }
        if (Double.isInfinite(momentum)) {
            throw new IllegalArgumentException(name + ": momentum must be finite, or NaN for a cumulative average "
                    + "(PyTorch's momentum=None); got " + momentum);
        }
        this.numFeatures = numFeatures;
        this.eps = eps;
        this.momentum = momentum;
        weight = affine ? param("weight", Tensor.ones(numFeatures)) : null;
        bias = affine ? param("bias", Tensor.zeros(numFeatures)) : null;
        runningMean = trackRunningStats ? buffer("running_mean", Tensor.zeros(numFeatures)) : null;
        runningVar = trackRunningStats ? buffer("running_var", Tensor.ones(numFeatures)) : null;
        numBatchesTracked = trackRunningStats ? buffer("num_batches_tracked", Tensor.zeros(DType.INT64)) : null;
    }

    /** Refuses an input of the wrong rank, naming the expected one. */
    abstract void checkInputDim(Tensor input);

    static void checkRank(String name, Tensor input, String expected, int... ranks) {
        if (input == null) throw new IllegalArgumentException(name + ": input is null");
        if (Arrays.stream(ranks).noneMatch(r -> r == input.dim())) {
            throw new IllegalArgumentException(name + ": expected " + expected + " input, but got " + input.dim()
                    + "-D input of size " + Arrays.toString(input.shape()));
        }
    }

    @Override
    protected Tensor forward(Tensor input) {
        checkInputDim(input);
        double factor = Double.isNaN(momentum) ? 0.0 : momentum;
        if (isTraining() && numBatchesTracked != null) {
            try (var g = Tensor.noGrad()) {
                numBatchesTracked.addi(1);
            }
            if (Double.isNaN(momentum)) factor = 1.0 / numBatchesTracked.item();
        }
        // Without running statistics there is nothing else to normalise with, in eval() too.
        boolean batchStats = isTraining() || runningMean == null;
        return F.batchNorm(input, runningMean, runningVar, weight, bias, batchStats, factor, eps);
    }

    @Override
    protected String extraRepr() {
        return numFeatures + ", eps=" + pyFloat(eps) + ", momentum="
                + (Double.isNaN(momentum) ? "None" : pyFloat(momentum)) + ", affine="
                + (weight != null ? "True" : "False") + ", track_running_stats=" + (runningMean != null ? "True" : "False");
    }
}
