package io.jgrad.core;

/**
 * Matrix product of 2-D or batched 3-D operands (batch dims broadcast). Backward multiplies with
 * transpose flags instead of materialising transposes: dA = G·Bᵀ, dB = Aᵀ·G.
 */
final class MatMul extends Op {
    /** A·Bᵀ for a 2-D B (F.linear's x·Wᵀ), so the weight is never copied into its transpose. */
    private final boolean transposeB;
    private boolean batched;

    MatMul() {
        this(false);
    }

    MatMul(boolean transposeB) {
        this.transposeB = transposeB;
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor[] p = Ops.promote(Ops.floating(in[0]), Ops.floating(in[1]));
        Tensor a = p[0], b = p[1];
        int[] as = a.shape(), bs = b.shape();
        batched = as.length == 3 || bs.length == 3;
        int ka = as[as.length - 1], kb = bs[bs.length - (transposeB ? 1 : 2)], n = bs[bs.length - (transposeB ? 2 : 1)];
        Check.argument(ka == kb, "matmul: shapes %s and %s cannot be multiplied (mat1 is %dx%d, mat2 is %dx%d); the "
                + "last dim of the first must equal the second-to-last of the second", Check.shape(as),
                Check.shape(transposeB ? new int[] {n, kb} : bs), as[as.length - 2], ka, kb, n);
        if (as.length == 3 && bs.length == 3) {
            Check.argument(as[0] == bs[0] || as[0] == 1 || bs[0] == 1, "matmul: batch sizes %d and %d of shapes %s and %s "
                    + "are not broadcastable", as[0], bs[0], Check.shape(as), Check.shape(bs));
        }
        save(a, b);
        return multiply(a, false, b, transposeB);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor a = saved(0), b = saved(1);
        if (transposeB) {  // y = a·bᵀ: da = g·b, db = gᵀ·a (summed over a batch when a is 3-D)
            Tensor a2 = a.dim() == 3 ? a.reshape(-1, a.size(2)) : a, g2 = g.dim() == 3 ? g.reshape(-1, g.size(2)) : g;
            return new Tensor[] {
                needsInputGrad(0) ? multiply(g, false, b, false) : null,
                needsInputGrad(1) ? multiply(g2, true, a2, false) : null
            };
        }
        return new Tensor[] {
            needsInputGrad(0) ? multiply(g, false, b, true) : null,
            needsInputGrad(1) ? multiply(a, true, g, false) : null
        };
    }

    /**
     * op(a)·op(b) for 2-D or 3-D operands of one float dtype. A 3-D first operand times a 2-D second
     * folds into one 2-D product; other batched cases loop over the (broadcast) batch. The result of
     * a 2-D·3-D transposed-first product keeps the batch dim; the engine sums it away.
     */
    static Tensor multiply(Tensor a, boolean ta, Tensor b, boolean tb) {
        int[] as = a.shape(), bs = b.shape();
        int ar = as.length, br = bs.length;
        int m = ta ? as[ar - 1] : as[ar - 2], k = ta ? as[ar - 2] : as[ar - 1];
        int n = tb ? bs[br - 2] : bs[br - 1];
        int ba = ar == 3 ? as[0] : 1, bb = br == 3 ? bs[0] : 1, batch = ba == 1 ? bb : ba;  // broadcast: 1 gives way to 0 too
        Object c = a.kernels().matmul(ta, tb, batch, m, n, k, a.data(), ba != 1, a.version(), b.data(), bb != 1, b.version());
        return new Tensor(c, ar == 2 && br == 2 ? new int[] {m, n} : new int[] {batch, m, n});
    }

    @Override
    public String name() {
        // PyTorch's matmul dispatches to mm for 2-D operands and reshapes a batched product (UnsafeView).
        return batched ? "UnsafeViewBackward0" : "MmBackward0";
    }
}
