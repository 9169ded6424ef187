package io.jgrad.core.kernel;

import io.jgrad.core.kernel.Elementwise.Binary;
import io.jgrad.core.kernel.Elementwise.Compare;
import io.jgrad.core.kernel.Elementwise.Unary;

/**
 * Everything an op needs from a device's storage, the one seam between autograd and arithmetic
 * (PyTorch's dispatch to a CPU or CUDA kernel). An op calls the kernels of its operands' device and
 * never asks which device that is; {@link CpuKernels} and {@link Nd4jKernels} sit side by side.
 *
 * <p>An "array" is the device's storage for one contiguous, row-major tensor: a heap
 * {@code float[]}, {@code double[]}, {@code long[]} or {@code boolean[]} on the CPU device, a
 * c-order {@code INDArray} of the matching data type on the ND4J device. An element type is named by
 * its heap array class ({@code float[].class}, ...), so this package needs nothing from the tensor
 * layer. Shapes and index lists are plain Java arrays on every device; callers validate them first.
 * Binary kernels take two arrays of one type (the caller promotes); outputs have that type.
 */
public interface Kernels {

    // --- storage ---

    /** A new zero-filled array of {@code n} elements of {@code type} ({@code float[].class}, ...). */
    Object zeros(Class<?> type, int n);

    /**
     * This device's array with a heap array's elements. The caller gives {@code heap} up: the CPU
     * device keeps it as the storage, other devices copy it.
     */
    Object fromHost(Object heap);

    /** The elements as a heap array of the same type; may be the storage itself, so never write to it. */
    Object host(Object a);

    int length(Object a);

    /** The heap array class naming {@code a}'s element type. */
    Class<?> type(Object a);

    double get(Object a, int i);

    void set(Object a, int i, double v);

    /** A new array holding {@code a}'s elements converted to {@code type}, with Java's (and PyTorch's) casts. */
    Object convert(Object a, Class<?> type);

    Object copy(Object a);

    void fill(Object a, double v);

    // --- element-wise, with PyTorch broadcasting ---

    Object binary(Binary op, Object a, int[] aShape, Object b, int[] bShape, int[] outShape);

    /** {@code a = op(a, b)}, {@code b} broadcasting to {@code a}'s shape. */
    void binaryInPlace(Binary op, Object a, int[] aShape, Object b, int[] bShape);

    /** A bool array. */
    Object compare(Compare op, Object a, int[] aShape, Object b, int[] bShape, int[] outShape);

    /** A float array for a float input; an int64 input only for ops with an integer form ({@link Unary#integer}). */
    Object unary(Unary op, Object a);

    /** Clamped into [lo, hi]; NaN stays NaN. On an int64 array the bounds are whole numbers. */
    Object clamp(Object a, double lo, double hi);

    /** {@code a} to a scalar power, with PyTorch's special cases ({@link Elementwise#powScalar}). */
    Object powScalar(Object a, double exponent);

    /** {@code grad} where {@code out > 0}, else 0: ReLU's backward from its output. */
    Object reluBackward(Object grad, Object out);

    Object where(Object cond, int[] cShape, Object a, int[] aShape, Object b, int[] bShape, int[] outShape);

    /** {@code a += alpha·b}, same shapes. */
    void axpy(Object a, Object b, double alpha);

    /** {@code a += value·b·c}, or {@code value·b/c} when {@code divide}; same shapes. */
    void addcmul(Object a, Object b, Object c, double value, boolean divide);

    // --- reductions ---

    /** Sums over the dims marked true, keeping them with size 1; same type, int64 and bool sum to int64. */
    Object sum(Object a, int[] shape, boolean[] dims);

    /** Maximum or minimum over the marked dims (kept with size 1); NaN wins. */
    Object extreme(Object a, int[] shape, boolean[] dims, boolean max);

    /** int64 index of the largest element along {@code dim} (first of ties, NaN largest), dim kept with size 1. */
    Object argmax(Object a, int[] shape, int dim);

    Object softmax(Object x, int[] shape, int dim, boolean log);

    Object softmaxBackward(Object grad, Object y, int[] shape, int dim, boolean log);

    /** {@link CrossEntropyKernel#forward}, its arrays on this device. */
    CrossEntropyKernel.Forward crossEntropy(Object x, int[] shape, int dim, long[] target, double[] weight,
                                            long ignoreIndex, boolean perLane, boolean keepSoftmax);

    /** {@link CrossEntropyKernel#backward}, its arrays on this device. */
    Object crossEntropyBackward(Object softmax, int[] shape, int dim, long[] target, double[] weight,
                                long ignoreIndex, double[] upstream, double divisor);

    // --- scans and orderings along one dim ---

    /**
     * Running sums along {@code dim} (from the last element when {@code reverse}), the input's shape;
     * floats accumulate in double, int64 and bool sum to int64 ({@link Order#cumsum}).
     */
    Object cumsum(Object a, int[] shape, int dim, boolean reverse);

    /**
     * The int64 permutation that stably sorts each lane along {@code dim}, the input's shape:
     * ascending with NaN last or descending with NaN first, ties in their order ({@link Order#argsort}).
     */
    Object argsort(Object a, int[] shape, int dim, boolean descending);

    // --- layout and indexing ---

    /** A contiguous copy of the strided view {@code src[offset + Σ i_d·strides_d]} of {@code shape}. */
    Object strided(Object src, int offset, int[] strides, int[] shape);

    /** Writes contiguous {@code src} of {@code shape} into the strided view of {@code dst}. */
    void stridedScatter(Object src, int[] shape, Object dst, int offset, int[] strides);

    /** {@code out[..., i, ...] = src[..., index[..., i, ...], ...]} along {@code dim}; out has the index's shape. */
    Object gather(Object src, int[] srcShape, int dim, long[] index, int[] idxShape);

    /** {@code dst[..., index[..., i, ...], ...] += src[..., i, ...]} along {@code dim}. */
    void scatterAdd(Object dst, int[] dstShape, int dim, long[] index, int[] idxShape, Object src, int[] srcShape);

    /** The slices {@code index} along {@code dim}, in order. */
    Object select(Object src, int[] shape, int dim, long[] index);

    /** Adds slice {@code i} of {@code src} to slice {@code index[i]} of {@code dst} along {@code dim}. */
    void selectAdd(Object dst, int[] shape, int dim, long[] index, Object src);

    // --- products ---

    /**
     * {@code batch} products {@code op(A_i)·op(B_i)}, each m×n, in one new array: op(A) is m×k (stored
     * k×m when {@code ta}), op(B) is k×n (stored n×k when {@code tb}); an operand that is not batched
     * is shared by every product. {@code aVersion}/{@code bVersion} change whenever the operand's
     * contents do, so a device may cache what it derived from an operand.
     */
    Object matmul(boolean ta, boolean tb, int batch, int m, int n, int k,
                  Object a, boolean aBatched, int aVersion, Object b, boolean bBatched, int bVersion);

    // --- windows over image batches [N, C, H, W] ---

    /** Convolution of x [N, C, H, W] with w [O, C/groups, kh, kw], without bias: [N, O, OH, OW]. */
    Object conv2d(Object x, int[] xShape, Object w, int[] wShape, Window2d window, int groups);

    /** The gradient of {@link #conv2d}'s x from its output's gradient {@code gy}. */
    Object conv2dInputGrad(Object gy, Object w, int[] wShape, int[] xShape, Window2d window, int groups);

    /** The gradient of {@link #conv2d}'s w from its output's gradient {@code gy}. */
    Object conv2dWeightGrad(Object gy, Object x, int[] xShape, int[] wShape, Window2d window, int groups);

    /**
     * The maximum of each window of floating x [N, C, H, W], [N, C, OH, OW], as PyTorch's CPU
     * {@code max_pool2d_with_indices}: inside positions only, the first of ties, the last NaN;
     * {@code index} receives each one's flat position within its H·W plane.
     */
    Object maxPool2d(Object x, int[] xShape, Window2d window, int[] index);

    /** The gradient of {@link #maxPool2d}'s x: each output's gradient added at its position. */
    Object maxPool2dBackward(Object g, int[] index, int[] xShape);

    // --- per-channel statistics of x viewed [N, C, L] (batch normalisation) ---

    /**
     * Per channel, in double: Σ x; or with {@code center}, Σ (x - center[c])·(x - center[c]) when
     * {@code y} is null and Σ (x - center[c])·y otherwise.
     */
    double[] channelSums(Object x, double[] center, Object y, int[] ncl);

    /** {@code a[c]·x + b[c]·y + shift[c]}, in x's type; {@code y} and {@code b} are null together. */
    Object channelAffine(Object x, double[] a, Object y, double[] b, double[] shift, int[] ncl);

    // --- optimizers, in place ---

    /** {@link OptimizerKernels#sgd}. */
    void sgd(Object param, Object grad, Object buffer, double weightDecay, double momentum, double lr,
             double dampening, boolean nesterov, boolean maximize, boolean isFirstStep);

    /** {@link OptimizerKernels#adam}. */
    void adam(Object param, Object grad, Object expAvg, Object expAvgSq, Object maxExpAvgSq, long step,
              double lr, double beta1, double beta2, double weightDecay, double eps, boolean decoupled, boolean maximize);
}
