package io.jgrad.nn;

import io.jgrad.core.Tensor;

/**
 * Batch normalisation over [N, C, H, W], PyTorch's {@code nn.BatchNorm2d}: each channel normalised
 * by the batch's statistics in training, by the running ones in eval (see {@link BatchNormNd}).
 *
 * <pre>
 * jshell> var bn = new BatchNorm2d(32);
 * jshell> bn
 * bn ==> BatchNorm2d(32, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)
 * jshell> bn.stateDict().keySet()
 * $3 ==> [weight, bias, running_mean, running_var, num_batches_tracked]
 * </pre>
 */
public class BatchNorm2d extends BatchNormNd {
    public BatchNorm2d(int numFeatures) {
        this(numFeatures, 1e-5, 0.1, true, true);
    }

    /** {@code momentum} NaN: the cumulative average (PyTorch's momentum=None). */
    public BatchNorm2d(int numFeatures, double eps, double momentum, boolean affine, boolean trackRunningStats) {
        super("BatchNorm2d", numFeatures, eps, momentum, affine, trackRunningStats);
    }

    @Override
    void checkInputDim(Tensor input) {
        checkRank("BatchNorm2d", input, "4-D [N, C, H, W]", 4);
    }
}
