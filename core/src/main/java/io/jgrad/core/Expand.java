package io.jgrad.core;

import io.jgrad.core.kernel.Shapes;

/** Broadcasts to a larger shape (materialised); the engine's broadcast undoing is its whole backward. */
final class Expand extends Op {
    private final int[] shape;

    Expand(int[] shape) {
        this.shape = shape;
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor x = in[0];
        int[] xs = x.shape();
        int[] target = shape.clone();
        boolean ok = target.length >= xs.length;
        for (int d = 0; ok && d < target.length; d++) {
            int xd = d - (target.length - xs.length);
            if (target[d] == -1 && xd >= 0) target[d] = xs[xd];
            ok = target[d] >= 0 && (xd < 0 || xs[xd] == target[d] || xs[xd] == 1);
        }
        Check.argument(ok, "expand: the expanded size %s must match the existing size %s at each non-singleton "
                + "dimension (sizes are aligned from the right; -1 keeps a size)", Check.shape(shape), Check.shape(xs));
        return new Tensor(x.kernels().strided(x.data(), 0, Shapes.broadcastStrides(xs, target), target), target);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g};
    }
}
