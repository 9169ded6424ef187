package io.jgrad.core.kernel;

import io.jgrad.core.kernel.Elementwise.Binary;
import io.jgrad.core.kernel.Elementwise.Compare;
import io.jgrad.core.kernel.Elementwise.Unary;
import java.util.Arrays;

/**
 * The ND4J device: an array is a c-order, contiguous {@code INDArray} (FLOAT, DOUBLE, LONG or BOOL
 * for {@code float[]}, {@code double[]}, {@code long[]}, {@code boolean[]}) whose shape is not relied
 * on: every kernel views it with the shape it is passed. Arrays this device returns are new (never
 * views of an argument) and start their buffer; their shape is [n] from storage methods and
 * {@link #crossEntropyBackward}, the result's shape elsewhere, and [0] when empty.
 *
 * <p>Arithmetic runs in ND4J's native ops, never element by element in Java, and the results agree
 * with {@link CpuKernels}: where a libnd4j op differs in accuracy or edge cases (max/min with NaN and
 * ±0, argmax with NaN, int64 pow, log1p, tanh, sigmoid, log_softmax, float-to-int64 casts, scatter
 * races) the kernel is rebuilt from ops that do agree; each helper class says which and why. Host
 * reads are limited to {@link #get}, {@link #host}, the largest exponent of an elementwise int64
 * power (to bound its rounds), the summed cross-entropy loss (a double in the contract) and
 * {@link #argsort}, the int64 {@link #cumsum} and {@link #maxPool2d}'s positions, which run on the host
 * ({@link Nd4jOrder} says why).
 * Index lists and shapes are host data, so positions derived from them are computed on the host.
 *
 * <p>Cost: every call is one or more native ops of ~10-60 µs each even on tiny arrays, and each
 * temporary is a fresh allocation (~0.6 ms per MB here, mostly first-touch page faults), so the
 * composed kernels (tanh, max/min, argmax, optimizers) are several times slower than
 * {@link CpuKernels} on this machine; see shared/ND4J-NOTES.md.
 */
public final class Nd4jKernels implements Kernels {
    public static final Nd4jKernels INSTANCE = new Nd4jKernels();

    private Nd4jKernels() {}

    @Override
    public Object zeros(Class<?> type, int n) {
        return Nd4jStorage.zeros(type, n);
    }

    @Override
    public Object fromHost(Object heap) {
        return Nd4jStorage.fromHost(heap);
    }

    /** Always a fresh heap copy. */
    @Override
    public Object host(Object a) {
        return Nd4jStorage.host(a);
    }

    @Override
    public int length(Object a) {
        return (int) Nd4jArrays.nd(a).length();
    }

    @Override
    public Class<?> type(Object a) {
        return Nd4jArrays.type(Nd4jArrays.nd(a));
    }

    @Override
    public double get(Object a, int i) {
        return Nd4jStorage.get(a, i);
    }

    @Override
    public void set(Object a, int i, double v) {
        Nd4jStorage.set(a, i, v);
    }

    @Override
    public Object convert(Object a, Class<?> type) {
        return Nd4jStorage.convert(a, type);
    }

    @Override
    public Object copy(Object a) {
        return Nd4jStorage.copy(a);
    }

    @Override
    public void fill(Object a, double v) {
        Nd4jStorage.fill(a, v);
    }

    /** No bool operands; no int64 DIV (libnd4j's integer division by zero kills the JVM). */
    @Override
    public Object binary(Binary op, Object a, int[] aShape, Object b, int[] bShape, int[] outShape) {
        return Nd4jElementwise.binary(op, a, aShape, b, bShape, outShape);
    }

    @Override
    public void binaryInPlace(Binary op, Object a, int[] aShape, Object b, int[] bShape) {
        Nd4jElementwise.binaryInPlace(op, a, aShape, b, bShape);
    }

    @Override
    public Object compare(Compare op, Object a, int[] aShape, Object b, int[] bShape, int[] outShape) {
        return Nd4jElementwise.compare(op, a, aShape, b, bShape, outShape);
    }

    @Override
    public Object unary(Unary op, Object a) {
        return Nd4jUnary.unary(op, a);
    }

    @Override
    public Object clamp(Object a, double lo, double hi) {
        return Nd4jElementwise.clamp(a, lo, hi);
    }

    @Override
    public Object powScalar(Object a, double exponent) {
        return Nd4jUnary.powScalar(a, exponent);
    }

    @Override
    public Object reluBackward(Object grad, Object out) {
        return Nd4jElementwise.reluBackward(grad, out);
    }

    @Override
    public Object where(Object cond, int[] cShape, Object a, int[] aShape, Object b, int[] bShape, int[] outShape) {
        return Nd4jElementwise.where(cond, cShape, a, aShape, b, bShape, outShape);
    }

    @Override
    public void axpy(Object a, Object b, double alpha) {
        Nd4jElementwise.axpy(a, b, alpha);
    }

    @Override
    public void addcmul(Object a, Object b, Object c, double value, boolean divide) {
        Nd4jElementwise.addcmul(a, b, c, value, divide);
    }

    @Override
    public Object sum(Object a, int[] shape, boolean[] dims) {
        return Nd4jReduce.sum(a, shape, dims);
    }

    @Override
    public Object extreme(Object a, int[] shape, boolean[] dims, boolean max) {
        return Nd4jReduce.extreme(a, shape, dims, max);
    }

    @Override
    public Object argmax(Object a, int[] shape, int dim) {
        return Nd4jReduce.argmax(a, shape, dim);
    }

    @Override
    public Object softmax(Object x, int[] shape, int dim, boolean log) {
        return Nd4jReduce.softmax(x, shape, dim, log);
    }

    @Override
    public Object softmaxBackward(Object grad, Object y, int[] shape, int dim, boolean log) {
        return Nd4jReduce.softmaxBackward(grad, y, shape, dim, log);
    }

    @Override
    public CrossEntropyKernel.Forward crossEntropy(Object x, int[] shape, int dim, long[] target, double[] weight,
                                                   long ignoreIndex, boolean perLane, boolean keepSoftmax) {
        return Nd4jCrossEntropy.forward(x, shape, dim, target, weight, ignoreIndex, perLane, keepSoftmax);
    }

    @Override
    public Object crossEntropyBackward(Object softmax, int[] shape, int dim, long[] target, double[] weight,
                                       long ignoreIndex, double[] upstream, double divisor) {
        return Nd4jCrossEntropy.backward(softmax, shape, dim, target, weight, ignoreIndex, upstream, divisor);
    }

    @Override
    public Object cumsum(Object a, int[] shape, int dim, boolean reverse) {
        return Nd4jOrder.cumsum(a, shape, dim, reverse);
    }

    @Override
    public Object argsort(Object a, int[] shape, int dim, boolean descending) {
        return Nd4jOrder.argsort(a, shape, dim, descending);
    }

    @Override
    public Object strided(Object src, int offset, int[] strides, int[] shape) {
        return Nd4jIndex.strided(src, offset, strides, shape);
    }

    @Override
    public void stridedScatter(Object src, int[] shape, Object dst, int offset, int[] strides) {
        Nd4jIndex.stridedScatter(src, shape, dst, offset, strides);
    }

    @Override
    public Object gather(Object src, int[] srcShape, int dim, long[] index, int[] idxShape) {
        return Nd4jIndex.gather(src, srcShape, dim, index, idxShape);
    }

    @Override
    public void scatterAdd(Object dst, int[] dstShape, int dim, long[] index, int[] idxShape, Object src, int[] srcShape) {
        Nd4jIndex.scatterAdd(dst, dstShape, dim, index, idxShape, src, srcShape);
    }

    @Override
    public Object select(Object src, int[] shape, int dim, long[] index) {
        return Nd4jIndex.select(src, shape, dim, index);
    }

    @Override
    public void selectAdd(Object dst, int[] shape, int dim, long[] index, Object src) {
        Nd4jIndex.selectAdd(dst, shape, dim, index, src);
    }

    @Override
    public Object matmul(boolean ta, boolean tb, int batch, int m, int n, int k,
                         Object a, boolean aBatched, int aVersion, Object b, boolean bBatched, int bVersion) {
        return Nd4jMatmul.matmul(ta, tb, batch, m, n, k, a, aBatched, b, bBatched);
    }

    @Override
    public Object conv2d(Object x, int[] xShape, Object w, int[] wShape, Window2d window, int groups) {
        return ComposedConv.forward(this, x, xShape, w, wShape, window, groups);
    }

    @Override
    public Object conv2dInputGrad(Object gy, Object w, int[] wShape, int[] xShape, Window2d window, int groups) {
        return ComposedConv.inputGrad(this, gy, w, wShape, xShape, window, groups);
    }

    @Override
    public Object conv2dWeightGrad(Object gy, Object x, int[] xShape, int[] wShape, Window2d window, int groups) {
        return ComposedConv.weightGrad(this, gy, x, xShape, wShape, window, groups);
    }

    /**
     * The positions found on the host, as {@link #argsort}'s (libnd4j's max pooling promises neither
     * PyTorch's tie nor its NaN choice), then gathered here.
     */
    @Override
    public Object maxPool2d(Object x, int[] xShape, Window2d window, int[] index) {
        PoolKernel.max(Nd4jStorage.host(x), xShape, window, index);
        int[] planes = {xShape[0], xShape[1], xShape[2] * xShape[3]};
        return gather(x, planes, 2, Arrays.stream(index).asLongStream().toArray(), new int[] {xShape[0], xShape[1], window.outH(xShape[2]) * window.outW(xShape[3])});
    }

    @Override
    public Object maxPool2dBackward(Object g, int[] index, int[] xShape) {
        int[] planes = {xShape[0], xShape[1], xShape[2] * xShape[3]};
        int[] at = {xShape[0], xShape[1], planes[0] * planes[1] == 0 ? 0 : index.length / (planes[0] * planes[1])};
        Object gx = zeros(type(g), planes[0] * planes[1] * planes[2]);
        scatterAdd(gx, planes, 2, Arrays.stream(index).asLongStream().toArray(), at, g, at);
        return gx;
    }

    @Override
    public double[] channelSums(Object x, double[] center, Object y, int[] ncl) {
        return ComposedChannels.sums(this, x, center, y, ncl);
    }

    @Override
    public Object channelAffine(Object x, double[] a, Object y, double[] b, double[] shift, int[] ncl) {
        return ComposedChannels.affine(this, x, a, y, b, shift, ncl);
    }

    @Override
    public void sgd(Object param, Object grad, Object buffer, double weightDecay, double momentum, double lr,
                    double dampening, boolean nesterov, boolean maximize, boolean isFirstStep) {
        Nd4jOptimizers.sgd(param, grad, buffer, weightDecay, momentum, lr, dampening, nesterov, maximize, isFirstStep);
    }

    @Override
    public void adam(Object param, Object grad, Object expAvg, Object expAvgSq, Object maxExpAvgSq, long step,
                     double lr, double beta1, double beta2, double weightDecay, double eps, boolean decoupled,
                     boolean maximize) {
        Nd4jOptimizers.adam(param, grad, expAvg, expAvgSq, maxExpAvgSq, step, lr, beta1, beta2, weightDecay, eps,
                decoupled, maximize);
    }
}
