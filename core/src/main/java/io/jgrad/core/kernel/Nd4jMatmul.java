package io.jgrad.core.kernel;

import static io.jgrad.core.kernel.Nd4jArrays.nd;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Batched products on the ND4J device: {@code Nd4j.gemm} with transpose flags into views of one
 * preallocated result (the fastest ND4J call measured, see shared/ND4J-NOTES.md), one call per
 * product. The operand versions are not needed: the operands already live where BLAS reads them.
 */
final class Nd4jMatmul {
    private Nd4jMatmul() {}

    /** {@link Kernels#matmul}; the result is [batch, m, n]. */
    static INDArray matmul(boolean ta, boolean tb, int batch, int m, int n, int k, Object a, boolean aBatched,
                           Object b, boolean bBatched) {
        INDArray x = nd(a), y = nd(b);
        DataType type = x.dataType();
        if (type != y.dataType() || !Nd4jArrays.isFloating(x)) {
            throw new IllegalArgumentException("matmul: two float arrays of one type expected, got " + type + " and "
                    + y.dataType());
        }
        INDArray c = Nd4j.create(type, batch, m, n);  // zeros, the answer when k = 0
        if ((long) batch * m * n * k == 0) return c;
        Gemm.blasThreads(Parallel.numThreads());  // the CPU device's products set OpenBLAS to 1 thread
        long[] aShape = ta ? new long[] {k, m} : new long[] {m, k}, bShape = tb ? new long[] {n, k} : new long[] {k, n};
        if (!ta && aBatched && !bBatched) {  // a batch times one matrix is one taller product
            Nd4j.gemm(x.reshape('c', new long[] {(long) batch * m, k}), y.reshape('c', bShape), c.reshape('c', new long[] {(long) batch * m, n}),
                    false, tb, 1.0, 0.0);
            return c;
        }
        INDArray a3 = x.reshape('c', new long[] {aBatched ? batch : 1, aShape[0], aShape[1]});
        INDArray b3 = y.reshape('c', new long[] {bBatched ? batch : 1, bShape[0], bShape[1]});
        for (int i = 0; i < batch; i++) {
            Nd4j.gemm(matrix(a3, aBatched ? i : 0), matrix(b3, bBatched ? i : 0), matrix(c, i), ta, tb, 1.0, 0.0);
        }
        return c;
    }

    /** Matrix {@code i} of a [batch, rows, cols] array, a view that keeps both sizes even when one is 1. */
    private static INDArray matrix(INDArray a3, int i) {
        return a3.get(NDArrayIndex.point(i), NDArrayIndex.all(), NDArrayIndex.all());
    }
}
