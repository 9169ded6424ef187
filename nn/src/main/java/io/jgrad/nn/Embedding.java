package io.jgrad.nn;

import io.jgrad.core.Generator;
import io.jgrad.core.Tensor;

/**
 * A lookup table of {@code numEmbeddings} vectors of size {@code embeddingDim}, PyTorch's
 * {@code nn.Embedding}: int64 indices of any shape give [...indices' shape, embeddingDim]. The weight
 * starts N(0, 1) with the padding row (if any) zeroed, and that row never gets a gradient.
 *
 * <pre>
 * jshell> var emb = new Embedding(10, 3, 0);
 * jshell> emb
 * emb ==> Embedding(10, 3, padding_idx=0)
 * jshell> emb.apply(Tensor.of(new long[][] {{1, 2}, {0, 9}})).shape()
 * $3 ==> int[3] { 2, 2, 3 }
 * </pre>
 */
public class Embedding extends Module {
    public final Tensor weight;
    private final int numEmbeddings, embeddingDim;
    private final Integer paddingIdx;

    public Embedding(int numEmbeddings, int embeddingDim) {
        this(numEmbeddings, embeddingDim, null, Generator.global());
    }

    public Embedding(int numEmbeddings, int embeddingDim, Integer paddingIdx) {
        this(numEmbeddings, embeddingDim, paddingIdx, Generator.global());
    }

    /** A negative {@code paddingIdx} counts from the end, as in PyTorch; null for none. */
    public Embedding(int numEmbeddings, int embeddingDim, Integer paddingIdx, Generator g) {
        if (numEmbeddings < 0 || embeddingDim < 0) {
            throw new IllegalArgumentException("Embedding: num_embeddings and embedding_dim must be non-negative; got "
                    + numEmbeddings + " and " + embeddingDim);
        }
        if (paddingIdx != null && (paddingIdx >= numEmbeddings || paddingIdx < -numEmbeddings)) {
            throw new IllegalArgumentException("Embedding: padding_idx must be within num_embeddings (in [-" + numEmbeddings
                    + ", " + numEmbeddings + ")); got " + paddingIdx);
        }
        this.numEmbeddings = numEmbeddings;
        this.embeddingDim = embeddingDim;
        this.paddingIdx = paddingIdx == null ? null : paddingIdx < 0 ? paddingIdx + numEmbeddings : paddingIdx;
        Tensor w = Init.normal(Tensor.zeros(numEmbeddings, embeddingDim), 0, 1, g);
        if (this.paddingIdx != null) {
            Tensor padRow = Tensor.arange(0, numEmbeddings).eq(this.paddingIdx).unsqueeze(1);
            w = Tensor.where(padRow, Tensor.zerosLike(w), w);
        }
        weight = param("weight", w);
    }

    @Override
    protected Tensor forward(Tensor indices) {
        return F.embedding(indices, weight, paddingIdx);
    }

    @Override
    protected String extraRepr() {
        return numEmbeddings + ", " + embeddingDim + (paddingIdx == null ? "" : ", padding_idx=" + paddingIdx);
    }
}
