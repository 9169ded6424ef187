package io.jgrad.core.kernel;

/** A contiguous tensor seen as [outer, c, inner] around one dimension: the layout of per-dimension kernels. */
final class Lanes {
    final int outer, c, inner;

    Lanes(int[] shape, int dim) {
        int o = 1, in = 1;
        for (int d = 0; d < dim; d++) o *= shape[d];
        for (int d = dim + 1; d < shape.length; d++) in *= shape[d];
        outer = o;
        c = shape.length == 0 ? 1 : shape[dim];
        inner = in;
    }
}
