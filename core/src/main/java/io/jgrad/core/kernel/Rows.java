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

    static void forEach(int[] shape, int[] aStr, int[] bStr, Row row) {
        int rank = shape.length;
        if (rank == 0) {
            row.run(0, 0, 0, 0, 0, 1);
            return;
        }
        int n = shape[rank - 1];
        int as = aStr[rank - 1], bs = bStr[rank - 1];
        int rows = Shapes.numel(shape) / Math.max(n, 1);
        if (n == 0 || rows == 0) return;
        int[] idx = new int[rank];
        int ao = 0, bo = 0;
        for (int r = 0, oo = 0; r < rows; r++, oo += n) {
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
