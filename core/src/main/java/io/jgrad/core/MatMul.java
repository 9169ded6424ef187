package io.jgrad.core;

import io.jgrad.core.kernel.Shapes;

/**
 * Matrix product of 2-D or batched 3-D operands (batch dims broadcast); {@link #matmul} folds more
 * batch dims into one. Backward multiplies with
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

    /**
     * {@link Tensor#matmul}, PyTorch's rules: 1-D·1-D is a dot product, a 1-D operand is a row (first)
     * or column (second) vector whose dim is removed again, and dims before the last two are batch
     * dims that broadcast against each other.
     */
    static Tensor matmul(Tensor a, Tensor b) {
        Check.notNull(b, "matmul", "other");
        int ra = a.dim(), rb = b.dim();
        int[] as = a.shape(), bs = b.shape();
        Check.argument(ra >= 1 && rb >= 1, "matmul: both arguments need at least 1 dimension, but they are %dD and %dD "
                + "(shapes %s and %s); multiply by a scalar with mul instead", ra, rb, Check.shape(as), Check.shape(bs));
        int k = as[ra - 1], kOther = bs[Math.max(rb - 2, 0)];
        Check.argument(ra > 1 && rb > 1 || k == kOther, "matmul: shapes %s and %s cannot be multiplied (inner sizes %d "
                + "and %d differ)", Check.shape(as), Check.shape(bs), k, kOther);
        Tensor a2 = ra == 1 ? a.unsqueeze(0) : a, b2 = rb == 1 ? b.unsqueeze(1) : b;
        Tensor out = ra <= 3 && rb <= 3 ? new MatMul().apply(a2, b2) : batched(a2, b2, as, bs);
        if (rb == 1) out = out.squeeze(-1);
        if (ra == 1) out = out.squeeze(rb == 1 ? -1 : -2);
        return out;
    }

    /**
     * Operands of 2 or more dims, one over 3: the batch dims broadcast, then fold into one so the 3-D
     * product does the work; an operand whose batch is a single matrix is shared rather than copied.
     */
    private static Tensor batched(Tensor a, Tensor b, int[] aPassed, int[] bPassed) {
        int[] as = a.shape(), bs = b.shape();
        int[] aBatch = java.util.Arrays.copyOf(as, as.length - 2), bBatch = java.util.Arrays.copyOf(bs, bs.length - 2);
        int[] batch = Shapes.broadcast(aBatch, bBatch);
        Check.argument(batch != null, "matmul: batch dims %s and %s of shapes %s and %s are not broadcastable (sizes "
                + "must match or be 1, aligned from the right)", Check.shape(aBatch), Check.shape(bBatch),
                Check.shape(aPassed), Check.shape(bPassed));
        int m = as[as.length - 2], k = as[as.length - 1], kb = bs[bs.length - 2], n = bs[bs.length - 1];
        Check.argument(k == kb, "matmul: shapes %s and %s cannot be multiplied (mat1 is %dx%d, mat2 is %dx%d); the "
                + "last dim of the first must equal the second-to-last of the second", Check.shape(aPassed),
                Check.shape(bPassed), m, k, kb, n);
        Tensor y = new MatMul().apply(folded(a, aBatch, batch), folded(b, bBatch, batch));
        int[] shape = java.util.Arrays.copyOf(batch, batch.length + 2);
        shape[batch.length] = m;
        shape[batch.length + 1] = n;
        return new Reshape(shape, "UnsafeViewBackward0").apply(y);
    }

    /** {@code x} as [B, rows, cols] over the broadcast batch, or [1, rows, cols] when its batch has one matrix. */
    private static Tensor folded(Tensor x, int[] own, int[] batch) {
        int rows = x.size(-2), cols = x.size(-1);
        if (Shapes.numel(own) == 1) return x.reshape(1, rows, cols);
        int[] full = java.util.Arrays.copyOf(batch, batch.length + 2);
        full[batch.length] = rows;
        full[batch.length + 1] = cols;
        Tensor e = java.util.Arrays.equals(x.shape(), full) ? x : x.expand(full);
        return e.reshape(Shapes.numel(batch), rows, cols);
    }

    /**
     * {@link Fused#linear}: {@code input·weightᵀ + bias} for input [..., in], weight [out, in], bias
     * [out] or null, multiplying by the transposed weight without copying it.
     */
    static Tensor linear(Tensor input, Tensor weight, Tensor bias) {
        Check.notNull(input, "linear", "input");
        Check.notNull(weight, "linear", "weight");
        Check.argument(weight.dim() == 2, "linear: weight must be 2-D [out_features, in_features] but has shape %s",
                Check.shape(weight.shape()));
        int r = input.dim();
        Check.argument(r >= 1, "linear: input needs at least 1 dimension [..., in_features] but has shape %s; "
                + "reshape(1) it first", Check.shape(input.shape()));
        int[] shape = input.shape();
        int rows = Shapes.numel(java.util.Arrays.copyOf(shape, r - 1)), in = shape[r - 1];
        Check.argument(r <= 3 || in == weight.size(1), "matmul: shapes %s and %s cannot be multiplied (mat1 is %dx%d, "
                + "mat2 is %dx%d); the last dim of the input must equal the weight's in_features", Check.shape(shape),
                Check.shape(weight.shape()), rows, in, weight.size(1), weight.size(0));
        Tensor x = r == 1 ? input.unsqueeze(0) : r <= 3 ? input : input.reshape(rows, in);
        Tensor y = new MatMul(true).apply(x, weight);
        if (r == 1) y = y.squeeze(0);
        if (r > 3) {
            shape[r - 1] = weight.size(0);
            y = new Reshape(shape, "UnsafeViewBackward0").apply(y);
        }
        return bias == null ? y : y.add(bias);
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
