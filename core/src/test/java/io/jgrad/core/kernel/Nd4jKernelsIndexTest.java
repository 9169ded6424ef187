package io.jgrad.core.kernel;

import static io.jgrad.core.kernel.KernelAgreement.ALL;
import static io.jgrad.core.kernel.KernelAgreement.CASES;
import static io.jgrad.core.kernel.KernelAgreement.CPU;
import static io.jgrad.core.kernel.KernelAgreement.FLOATS;
import static io.jgrad.core.kernel.KernelAgreement.ND;
import static io.jgrad.core.kernel.KernelAgreement.NUMERIC;
import static io.jgrad.core.kernel.KernelAgreement.assertAgree;
import static io.jgrad.core.kernel.KernelAgreement.dev;
import static io.jgrad.core.kernel.KernelAgreement.exactInDouble;
import static io.jgrad.core.kernel.KernelAgreement.random;
import static io.jgrad.core.kernel.KernelAgreement.s;
import static io.jgrad.core.kernel.KernelAgreement.shape;
import static io.jgrad.core.kernel.KernelAgreement.shapeRank1;
import static io.jgrad.core.kernel.KernelAgreement.values;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Nd4jKernels' layout, indexing and product kernels against CpuKernels (rules in {@link KernelAgreement}). */
class Nd4jKernelsIndexTest {

    @Test
    void stridedCopiesAnyViewIncludingStrideZero() {
        for (Class<?> type : ALL) {
            for (int c = 0; c < CASES; c++) {
                Random r = random(c * 109);
                int[] shape = shape(r, 4, true);
                int[] strides = new int[shape.length];
                int reach = 0;
                for (int d = 0; d < shape.length; d++) {
                    strides[d] = r.nextInt(5);  // 0 repeats (expand), any order (transpose), gaps (narrow)
                    reach += Math.max(shape[d] - 1, 0) * strides[d];
                }
                int offset = r.nextInt(4);
                Object src = values(r, type, offset + reach + 1 + r.nextInt(3), 0.3);
                assertAgree(CPU.strided(src, offset, strides, shape), ND.strided(dev(src), offset, strides, shape),
                        type.getSimpleName() + " case " + c + " " + s(shape) + " strides " + s(strides) + " offset " + offset);
            }
        }
    }

    @Test
    void stridedScatterWritesABoxOfATransposedParent() {
        for (Class<?> type : ALL) {
            for (int c = 0; c < CASES; c++) {
                Random r = random(c * 113);
                int[] shape = shape(r, 4, true);
                int rank = shape.length;
                int[] perm = permutation(r, rank), parent = new int[rank], start = new int[rank];
                for (int d = 0; d < rank; d++) {
                    parent[perm[d]] = shape[d] + r.nextInt(3);
                    start[perm[d]] = r.nextInt(parent[perm[d]] - shape[d] + 1);
                }
                int[] ps = Shapes.strides(parent), strides = new int[rank];
                int offset = 0;
                for (int d = 0; d < rank; d++) {
                    strides[d] = ps[perm[d]];
                    offset += start[d] * ps[d];
                }
                Object dst = values(r, type, Math.max(Shapes.numel(parent), 1), 0.3);
                Object src = values(r, type, Shapes.numel(shape), 0.3);
                Object dd = dev(dst), ds = dev(src);
                CPU.stridedScatter(src, shape, dst, offset, strides);
                ND.stridedScatter(ds, shape, dd, offset, strides);
                assertAgree(dst, dd, type.getSimpleName() + " case " + c + " " + s(shape) + " strides " + s(strides) + " offset " + offset);
                assertAgree(src, ds, "src untouched");
            }
        }
    }

    private static int[] permutation(Random r, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1), t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** An index shape fitting inside {@code shape} off {@code dim}, of any size 0..4 along it. */
    private static int[] indexShape(Random r, int[] shape, int dim) {
        int[] s = new int[shape.length];
        for (int d = 0; d < s.length; d++) s[d] = d == dim ? (shape[dim] == 0 ? 0 : r.nextInt(5)) : r.nextInt(shape[d] + 1);
        return s;
    }

    private static long[] indices(Random r, int n, int bound) {
        long[] idx = new long[n];
        for (int i = 0; i < n; i++) idx[i] = r.nextInt(bound);  // repeats are likely: scatter must sum them
        return idx;
    }

    @Test
    void gatherAlongADim() {
        for (Class<?> type : ALL) {
            for (int c = 0; c < CASES; c++) {
                Random r = random(c * 127);
                int[] srcShape = shapeRank1(r, 4, true);
                int dim = r.nextInt(srcShape.length);
                int[] idxShape = indexShape(r, srcShape, dim);
                long[] index = indices(r, Shapes.numel(idxShape), Math.max(srcShape[dim], 1));
                Object src = values(r, type, Shapes.numel(srcShape), 0.3);
                assertAgree(CPU.gather(src, srcShape, dim, index, idxShape), ND.gather(dev(src), srcShape, dim, index, idxShape),
                        type.getSimpleName() + " case " + c + " " + s(srcShape) + " dim " + dim + " index " + s(idxShape));
            }
        }
    }

    @Test
    void scatterAddSumsRepeatedTargetsInOrder() {
        for (Class<?> type : NUMERIC) {
            for (int c = 0; c < CASES; c++) {
                Random r = random(c * 131);
                int[] dstShape = shapeRank1(r, 4, true);
                int dim = r.nextInt(dstShape.length);
                int[] idxShape = indexShape(r, dstShape, dim);
                int[] srcShape = idxShape.clone();
                if (c % 2 == 1) for (int d = 0; d < srcShape.length; d++) srcShape[d] += r.nextInt(2);  // a larger src
                long[] index = indices(r, Shapes.numel(idxShape), Math.max(dstShape[dim], 1));
                Object dst = exactInDouble(values(r, type, Shapes.numel(dstShape), 0.15));
                Object src = exactInDouble(values(r, type, Shapes.numel(srcShape), 0.15));
                Object dd = dev(dst);
                CPU.scatterAdd(dst, dstShape, dim, index, idxShape, src, srcShape);
                ND.scatterAdd(dd, dstShape, dim, index, idxShape, dev(src), srcShape);
                assertAgree(dst, dd, type.getSimpleName() + " case " + c + " " + s(dstShape) + " dim " + dim
                        + " index " + s(idxShape) + " src " + s(srcShape) + " " + Arrays.toString(index));
            }
        }
    }

    @Test
    void selectTakesSlicesInOrder() {
        for (Class<?> type : ALL) {
            for (int c = 0; c < CASES; c++) {
                Random r = random(c * 137);
                int[] shape = shapeRank1(r, 4, true);
                int dim = r.nextInt(shape.length);
                long[] index = indices(r, shape[dim] == 0 ? 0 : r.nextInt(6), Math.max(shape[dim], 1));
                Object src = values(r, type, Shapes.numel(shape), 0.3);
                assertAgree(CPU.select(src, shape, dim, index), ND.select(dev(src), shape, dim, index),
                        type.getSimpleName() + " case " + c + " " + s(shape) + " dim " + dim + " " + Arrays.toString(index));
            }
        }
    }

    @Test
    void selectAddAccumulatesRepeatedSlices() {
        for (Class<?> type : NUMERIC) {
            for (int c = 0; c < CASES; c++) {
                Random r = random(c * 139);
                int[] shape = shapeRank1(r, 4, true);
                int dim = c % 3 == 0 ? 0 : r.nextInt(shape.length);  // dim 0 takes scatter_add's row form
                long[] index = indices(r, shape[dim] == 0 ? 0 : r.nextInt(7), Math.max(shape[dim], 1));
                int[] srcShape = shape.clone();
                srcShape[dim] = index.length;
                Object dst = exactInDouble(values(r, type, Shapes.numel(shape), 0.15));
                Object src = exactInDouble(values(r, type, Shapes.numel(srcShape), 0.15));
                Object dd = dev(dst);
                CPU.selectAdd(dst, shape, dim, index, src);
                ND.selectAdd(dd, shape, dim, index, dev(src));
                assertAgree(dst, dd, type.getSimpleName() + " case " + c + " " + s(shape) + " dim " + dim + " " + Arrays.toString(index));
            }
        }
    }

    @Test
    void matmulWithTransposesAndSharedOperands() {
        for (Class<?> type : FLOATS) {
            for (int c = 0; c < CASES * 2; c++) {
                Random r = random(c * 149);
                boolean big = c % 10 == 9;  // beyond one BLAS block now and then
                int batch = 1 + r.nextInt(3);
                int m = big ? 40 + r.nextInt(30) : r.nextInt(6), n = big ? 40 + r.nextInt(30) : r.nextInt(6);
                int k = big ? 60 + r.nextInt(80) : r.nextInt(6);
                boolean ta = r.nextBoolean(), tb = r.nextBoolean(), aBatched = r.nextBoolean(), bBatched = r.nextBoolean();
                if (c % 4 == 0) {  // the one-taller-product path
                    ta = false;
                    aBatched = true;
                    bBatched = false;
                }
                Object a = values(r, type, (aBatched ? batch : 1) * m * k, 0), b = values(r, type, (bBatched ? batch : 1) * k * n, 0);
                assertAgree(CPU.matmul(ta, tb, batch, m, n, k, a, aBatched, 1, b, bBatched, 1),
                        ND.matmul(ta, tb, batch, m, n, k, dev(a), aBatched, 1, dev(b), bBatched, 1),
                        type.getSimpleName() + " case " + c + " batch " + batch + " m" + m + " n" + n + " k" + k + " ta " + ta
                                + " tb " + tb + " aBatched " + aBatched + " bBatched " + bBatched);
            }
        }
    }
}
