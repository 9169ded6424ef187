package io.jgrad.core.kernel;

/**
 * Walks the output of a broadcasting two-operand kernel one innermost row at a time, so the
 * per-element work stays in a tight loop and only the row bookkeeping is generic.
 */
final class Rows {
    private Rows() {}

    /** Receives one innermost row: offsets and strides (0 or 1 for broadcast operands) and its length. */
    interface Row {
        void run(int ao, int as, int bo, int bs, int oo, int n);
    }

    /** Every row, in order, on the calling thread (for kernels whose rows may write the same output). */
    static void forEach(int[] shape, int[] aStr, int[] bStr, Row row) {
        int rows = rows(shape);
        if (rows > 0) walk(shape, aStr, bStr, 0, rows, row);
    }

    /** Every row, split across threads when large: only for kernels whose rows write disjoint outputs. */
    static void forEachParallel(int[] shape, int[] aStr, int[] bStr, Row row) {
        int rows = rows(shape);
        if (rows == 0) return;
        int n = shape.length == 0 ? 1 : shape[shape.length - 1];
        Parallel.forRange(rows, n, (from, to) -> walk(shape, aStr, bStr, from, to, row));
    }

    private static int rows(int[] shape) {
        if (shape.length == 0) return 1;
        int n = shape[shape.length - 1];
        return n == 0 ? 0 : Shapes.numel(shape) / n;
    }

    /** Rows [from, to): the offsets of row {@code from} come from its index, then advance like an odometer. */
    private static void walk(int[] shape, int[] aStr, int[] bStr, int from, int to, Row row) {
        int rank = shape.length;
        if (rank == 0) {
            row.run(0, 0, 0, 0, 0, 1);
            return;
        }
        int n = shape[rank - 1];
        int as = aStr[rank - 1], bs = bStr[rank - 1];
        int[] idx = new int[rank];
        int ao = 0, bo = 0;
        for (int d = rank - 2, rem = from; d >= 0; d--) {
            idx[d] = rem % shape[d];
            rem /= shape[d];
            ao += idx[d] * aStr[d];
            bo += idx[d] * bStr[d];
        }
        for (int r = from, oo = from * n; r < to; r++, oo += n) {
            row.run(ao, as, bo, bs, oo, n);
            for (int d = rank - 2; d >= 0; d--) {
                ao += aStr[d];
                bo += bStr[d];
                if (++idx[d] < shape[d]) break;
                ao -= aStr[d] * shape[d];
                bo -= bStr[d] * shape[d];
                idx[d] = 0;
            }
        }
    }
}
