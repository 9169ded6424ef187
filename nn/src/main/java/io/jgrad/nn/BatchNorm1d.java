package io.jgrad.nn;

import io.jgrad.core.Tensor;

/**
 * Batch normalisation over [N, C] or [N, C, L], PyTorch's {@code nn.BatchNorm1d} (see
 * {@link BatchNormNd} for the options, parameters and buffers).
 *
 * <pre>
 * jshell> new BatchNorm1d(16)
 * $1 ==> BatchNorm1d(16, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)
 * </pre>
 */
public class BatchNorm1d extends BatchNormNd {
    public BatchNorm1d(int numFeatures) {
        this(numFeatures, 1e-5, 0.1, true, true);
    }

    /** {@code momentum} NaN: the cumulative average (PyTorch's momentum=None). */
    public BatchNorm1d(int numFeatures, double eps, double momentum, boolean affine, boolean trackRunningStats) {
        super("BatchNorm1d", numFeatures, eps, momentum, affine, trackRunningStats);
    }

    @Override
    void checkInputDim(Tensor input) {
        checkRank("BatchNorm1d", input, "2-D [N, C] or 3-D [N, C, L]", 2, 3);
    }
}
