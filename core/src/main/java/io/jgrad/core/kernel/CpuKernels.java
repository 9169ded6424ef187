package io.jgrad.core.kernel;

import io.jgrad.core.kernel.Elementwise.Binary;
import io.jgrad.core.kernel.Elementwise.Compare;
import io.jgrad.core.kernel.Elementwise.Unary;

/**
 * The CPU device: heap arrays, Java loops the JIT vectorises, OpenBLAS for products and the shared
 * thread team for large work. Each method is the static kernel of the same job.
 */
public final class CpuKernels implements Kernels {
    public static final CpuKernels INSTANCE = new CpuKernels();

    private CpuKernels() {}

    @Override
    public Object zeros(Class<?> type, int n) {
        if (type == float[].class) return new float[n];
        if (type == double[].class) return new double[n];
        if (type == long[].class) return new long[n];
        return new boolean[n];
    }

    @Override
    public Object fromHost(Object heap) {
        return heap;
    }

    @Override
    public Object host(Object a) {
        return a;
    }

    @Override
    public int length(Object a) {
        return Buffers.length(a);
    }

    @Override
    public Class<?> type(Object a) {
        return a.getClass();
    }

    @Override
    public double get(Object a, int i) {
        return Buffers.get(a, i);
    }

    @Override
    public void set(Object a, int i, double v) {
        Buffers.set(a, i, v);
    }

    @Override
    public Object convert(Object a, Class<?> type) {
        if (type == float[].class) return Buffers.toFloats(a);
        if (type == double[].class) return Buffers.toDoubles(a);
        if (type == long[].class) return Buffers.toLongs(a);
        return Buffers.toBools(a);
    }

    @Override
    public Object copy(Object a) {
        return Buffers.copy(a);
    }

    @Override
    public void fill(Object a, double v) {
        Buffers.fill(a, v);
    }

    @Override
    public Object binary(Binary op, Object a, int[] aShape, Object b, int[] bShape, int[] outShape) {
        return Elementwise.binary(op, a, aShape, b, bShape, outShape);
    }

    @Override
    public void binaryInPlace(Binary op, Object a, int[] aShape, Object b, int[] bShape) {
        Elementwise.binaryInPlace(op, a, aShape, b, bShape);
    }

    @Override
    public Object compare(Compare op, Object a, int[] aShape, Object b, int[] bShape, int[] outShape) {
        return Elementwise.compare(op, a, aShape, b, bShape, outShape);
    }

    @Override
    public Object unary(Unary op, Object a) {
        return Elementwise.unary(op, a);
    }

    @Override
    public Object clamp(Object a, double lo, double hi) {
        return Elementwise.clamp(a, lo, hi);
    }

    @Override
    public Object powScalar(Object a, double exponent) {
        return Elementwise.powScalar(a, exponent);
    }

    @Override
    public Object reluBackward(Object grad, Object out) {
        return Elementwise.reluBackward(grad, out);
    }

    @Override
    public Object where(Object cond, int[] cShape, Object a, int[] aShape, Object b, int[] bShape, int[] outShape) {
        return Elementwise.where((boolean[]) cond, cShape, a, aShape, b, bShape, outShape);
    }

    @Override
    public void axpy(Object a, Object b, double alpha) {
        Elementwise.axpy(a, b, alpha);
    }

    @Override
    public void addcmul(Object a, Object b, Object c, double value, boolean divide) {
        Elementwise.addcmul(a, b, c, value, divide);
    }

    @Override
    public Object sum(Object a, int[] shape, boolean[] dims) {
        return Reduce.sum(a, shape, dims);
    }

    @Override
    public Object extreme(Object a, int[] shape, boolean[] dims, boolean max) {
        return Reduce.extreme(a, shape, dims, max);
    }

    @Override
    public Object argmax(Object a, int[] shape, int dim) {
        return Reduce.argmax(a, shape, dim);
    }

    @Override
    public Object softmax(Object x, int[] shape, int dim, boolean log) {
        return SoftmaxKernel.forward(x, shape, dim, log);
    }

    @Override
    public Object softmaxBackward(Object grad, Object y, int[] shape, int dim, boolean log) {
        return SoftmaxKernel.backward(grad, y, shape, dim, log);
    }

    @Override
    public CrossEntropyKernel.Forward crossEntropy(Object x, int[] shape, int dim, long[] target, double[] weight,
                                                   long ignoreIndex, boolean perLane, boolean keepSoftmax) {
        return CrossEntropyKernel.forward(x, shape, dim, target, weight, ignoreIndex, perLane, keepSoftmax);
    }

    @Override
    public Object crossEntropyBackward(Object softmax, int[] shape, int dim, long[] target, double[] weight,
                                       long ignoreIndex, double[] upstream, double divisor) {
        return CrossEntropyKernel.backward(softmax, shape, dim, target, weight, ignoreIndex, upstream, divisor);
    }

    @Override
    public Object cumsum(Object a, int[] shape, int dim, boolean reverse) {
        return Order.cumsum(a, shape, dim, reverse);
    }

    @Override
    public Object argsort(Object a, int[] shape, int dim, boolean descending) {
        return Order.argsort(a, shape, dim, descending);
    }

    @Override
    public Object strided(Object src, int offset, int[] strides, int[] shape) {
        return Strided.gather(src, offset, strides, shape);
    }

    @Override
    public void stridedScatter(Object src, int[] shape, Object dst, int offset, int[] strides) {
        Strided.scatter(src, shape, dst, offset, strides);
    }

    @Override
    public Object gather(Object src, int[] srcShape, int dim, long[] index, int[] idxShape) {
        return Index.gather(src, srcShape, dim, index, idxShape);
    }

    @Override
    public void scatterAdd(Object dst, int[] dstShape, int dim, long[] index, int[] idxShape, Object src, int[] srcShape) {
        Index.scatterAdd(dst, dstShape, dim, index, idxShape, src, srcShape);
    }

    @Override
    public Object select(Object src, int[] shape, int dim, long[] index) {
        return Index.select(src, shape, dim, index);
    }

    @Override
    public void selectAdd(Object dst, int[] shape, int dim, long[] index, Object src) {
        Index.selectAdd(dst, shape, dim, index, src);
    }

    @Override
    public Object matmul(boolean ta, boolean tb, int batch, int m, int n, int k,
                         Object a, boolean aBatched, int aVersion, Object b, boolean bBatched, int bVersion) {
        Object c = Buffers.allocLike(a, batch * m * n);
        if (!ta && aBatched && !bBatched) {  // a batch times one matrix is one taller product
            Gemm.gemm(false, tb, batch * m, n, k, a, 0, aVersion, b, 0, bVersion, c, 0);
            return c;
        }
        for (int i = 0; i < batch; i++) {
            Gemm.gemm(ta, tb, m, n, k, a, aBatched ? i * m * k : 0, aVersion, b, bBatched ? i * k * n : 0, bVersion,
                    c, i * m * n);
        }
        return c;
    }

    @Override
    public Object conv2d(Object x, int[] xShape, Object w, int[] wShape, Window2d window, int groups) {
        return ConvKernel.forward(x, xShape, w, wShape, window, groups);
    }

    @Override
    public Object conv2dInputGrad(Object gy, Object w, int[] wShape, int[] xShape, Window2d window, int groups) {
        return ConvKernel.inputGrad(gy, w, wShape, xShape, window, groups);
    }

    @Override
    public Object conv2dWeightGrad(Object gy, Object x, int[] xShape, int[] wShape, Window2d window, int groups) {
        return ConvKernel.weightGrad(gy, x, xShape, wShape, window, groups);
    }

    @Override
    public Object maxPool2d(Object x, int[] xShape, Window2d window, int[] index) {
        return PoolKernel.max(x, xShape, window, index);
    }

    @Override
    public Object maxPool2dBackward(Object g, int[] index, int[] xShape) {
        return PoolKernel.maxBackward(g, index, xShape);
    }

    @Override
    public double[] channelSums(Object x, double[] center, Object y, int[] ncl) {
        return ChannelKernel.sums(x, center, y, ncl);
    }

    @Override
    public Object channelAffine(Object x, double[] a, Object y, double[] b, double[] shift, int[] ncl) {
        return ChannelKernel.affine(x, a, y, b, shift, ncl);
    }

    @Override
    public void sgd(Object param, Object grad, Object buffer, double weightDecay, double momentum, double lr,
                    double dampening, boolean nesterov, boolean maximize, boolean isFirstStep) {
        OptimizerKernels.sgd(param, grad, buffer, weightDecay, momentum, lr, dampening, nesterov, maximize, isFirstStep);
    }

    @Override
    public void adam(Object param, Object grad, Object expAvg, Object expAvgSq, Object maxExpAvgSq, long step,
                     double lr, double beta1, double beta2, double weightDecay, double eps, boolean decoupled,
                     boolean maximize) {
        OptimizerKernels.adam(param, grad, expAvg, expAvgSq, maxExpAvgSq, step, lr, beta1, beta2, weightDecay, eps,
                decoupled, maximize);
    }
}
