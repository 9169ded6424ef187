package io.jgrad.core.kernel;

import io.jgrad.core.kernel.Elementwise.Binary;
import io.jgrad.core.kernel.Elementwise.Compare;
import io.jgrad.core.kernel.Elementwise.Unary;

/** PLACEHOLDER until the real ND4J kernels merge; never committed to main. */
public final class Nd4jKernels implements Kernels {
    public static final Nd4jKernels INSTANCE = new Nd4jKernels();
    @Override public Object zeros(Class<?> type, int n) { throw new UnsupportedOperationException(); }
    @Override public Object fromHost(Object heap) { throw new UnsupportedOperationException(); }
    @Override public Object host(Object a) { throw new UnsupportedOperationException(); }
    @Override public int length(Object a) { throw new UnsupportedOperationException(); }
    @Override public Class<?> type(Object a) { throw new UnsupportedOperationException(); }
    @Override public double get(Object a, int i) { throw new UnsupportedOperationException(); }
    @Override public void set(Object a, int i, double v) { throw new UnsupportedOperationException(); }
    @Override public Object convert(Object a, Class<?> type) { throw new UnsupportedOperationException(); }
    @Override public Object copy(Object a) { throw new UnsupportedOperationException(); }
    @Override public void fill(Object a, double v) { throw new UnsupportedOperationException(); }
    @Override public Object binary(Binary op, Object a, int[] aShape, Object b, int[] bShape, int[] outShape) { throw new UnsupportedOperationException(); }
    @Override public void binaryInPlace(Binary op, Object a, int[] aShape, Object b, int[] bShape) { throw new UnsupportedOperationException(); }
    @Override public Object compare(Compare op, Object a, int[] aShape, Object b, int[] bShape, int[] outShape) { throw new UnsupportedOperationException(); }
    @Override public Object unary(Unary op, Object a) { throw new UnsupportedOperationException(); }
    @Override public Object clamp(Object a, double lo, double hi) { throw new UnsupportedOperationException(); }
    @Override public Object powScalar(Object a, double exponent) { throw new UnsupportedOperationException(); }
    @Override public Object reluBackward(Object grad, Object out) { throw new UnsupportedOperationException(); }
    @Override public Object where(Object cond, int[] cShape, Object a, int[] aShape, Object b, int[] bShape, int[] outShape) { throw new UnsupportedOperationException(); }
    @Override public void axpy(Object a, Object b, double alpha) { throw new UnsupportedOperationException(); }
    @Override public void addcmul(Object a, Object b, Object c, double value, boolean divide) { throw new UnsupportedOperationException(); }
    @Override public Object sum(Object a, int[] shape, boolean[] dims) { throw new UnsupportedOperationException(); }
    @Override public Object extreme(Object a, int[] shape, boolean[] dims, boolean max) { throw new UnsupportedOperationException(); }
    @Override public Object argmax(Object a, int[] shape, int dim) { throw new UnsupportedOperationException(); }
    @Override public Object softmax(Object x, int[] shape, int dim, boolean log) { throw new UnsupportedOperationException(); }
    @Override public Object softmaxBackward(Object grad, Object y, int[] shape, int dim, boolean log) { throw new UnsupportedOperationException(); }
    @Override public CrossEntropyKernel.Forward crossEntropy(Object x, int[] shape, int dim, long[] target, double[] weight, long ignoreIndex, boolean perLane, boolean keepSoftmax) { throw new UnsupportedOperationException(); }
    @Override public Object crossEntropyBackward(Object softmax, int[] shape, int dim, long[] target, double[] weight, long ignoreIndex, double[] upstream, double divisor) { throw new UnsupportedOperationException(); }
    @Override public Object strided(Object src, int offset, int[] strides, int[] shape) { throw new UnsupportedOperationException(); }
    @Override public void stridedScatter(Object src, int[] shape, Object dst, int offset, int[] strides) { throw new UnsupportedOperationException(); }
    @Override public Object gather(Object src, int[] srcShape, int dim, long[] index, int[] idxShape) { throw new UnsupportedOperationException(); }
    @Override public void scatterAdd(Object dst, int[] dstShape, int dim, long[] index, int[] idxShape, Object src, int[] srcShape) { throw new UnsupportedOperationException(); }
    @Override public Object select(Object src, int[] shape, int dim, long[] index) { throw new UnsupportedOperationException(); }
    @Override public void selectAdd(Object dst, int[] shape, int dim, long[] index, Object src) { throw new UnsupportedOperationException(); }
    @Override public Object matmul(boolean ta, boolean tb, int batch, int m, int n, int k, Object a, boolean aBatched, int aVersion, Object b, boolean bBatched, int bVersion) { throw new UnsupportedOperationException(); }
    @Override public void sgd(Object param, Object grad, Object buffer, double weightDecay, double momentum, double lr, double dampening, boolean nesterov, boolean maximize, boolean isFirstStep) { throw new UnsupportedOperationException(); }
    @Override public void adam(Object param, Object grad, Object expAvg, Object expAvgSq, Object maxExpAvgSq, long step, double lr, double beta1, double beta2, double weightDecay, double eps, boolean decoupled, boolean maximize) { throw new UnsupportedOperationException(); }
}
