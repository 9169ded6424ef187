package io.jgrad.core.kernel;

import static io.jgrad.core.kernel.Nd4jArrays.empty;
import static io.jgrad.core.kernel.Nd4jArrays.nd;
import static io.jgrad.core.kernel.Nd4jArrays.view;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.CumSum;
import org.nd4j.linalg.factory.Nd4j;

/** Scans and orderings on the ND4J device, agreeing with {@link Order}. */
final class Nd4jOrder {
    private Nd4jOrder() {}

    /**
     * Floats: libnd4j's cumsum in double, each sum then rounded once, as the CPU kernel does. int64
     * and bool: {@link Order#cumsum} through a host round trip, since libnd4j's cumsum rejects LONG
     * and double would round sums beyond 2^53 instead of wrapping.
     */
    static INDArray cumsum(Object a, int[] shape, int dim, boolean reverse) {
        INDArray x = nd(a);
        boolean floating = Nd4jArrays.isFloating(x);
        if (Shapes.numel(shape) == 0) return empty(floating ? x.dataType() : DataType.LONG);
        int[] s = shape.length == 0 ? new int[] {1} : shape;
        long[] os = Nd4jArrays.longs(shape);
        if (!floating) return Nd4jStorage.fromHost(Order.cumsum(Nd4jStorage.host(a), s, dim, reverse)).reshape('c', os);
        INDArray w = view(x, s).castTo(DataType.DOUBLE);
        INDArray sums = Nd4j.createUninitialized(DataType.DOUBLE, w.shape());
        Nd4j.exec(new CumSum(w, sums, false, reverse, dim));
        return sums.castTo(x.dataType()).reshape('c', os);
    }

    /**
     * {@link Order#argsort} through the host: a host round trip of the input and the permutation.
     * libnd4j's ordering ops do not fit: its {@code sort} returns no indices, and neither it nor
     * {@code top_k} promises the stable order of ties or NaN's place that PyTorch's stable sort has.
     */
    static INDArray argsort(Object a, int[] shape, int dim, boolean descending) {
        if (Shapes.numel(shape) == 0) return empty(DataType.LONG);
        long[] perm = Order.argsort(Nd4jStorage.host(a), shape.length == 0 ? new int[] {1} : shape, dim, descending);
        return Nd4jStorage.fromHost(perm).reshape('c', Nd4jArrays.longs(shape));
    }
}
