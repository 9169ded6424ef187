package io.jgrad.data;

import io.jgrad.core.Generator;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Batches over a dataset, PyTorch's {@code DataLoader}: each pass ({@code for (Batch b : loader)}) visits
 * every example once, in order or reshuffled by a seeded generator, and gathers only the batch at hand.
 *
 * <pre>
 * jshell> var data = new TensorDataset(Tensor.randn(1000, 4), Tensor.randint(0, 3, 1000));
 * jshell> var loader = new DataLoader(data, 128).shuffle(new Generator(0));
 * jshell> for (Batch b : loader) { var input = b.input(); var target = b.target(); }
 * jshell> loader.size()
 * $4 ==> 8
 * </pre>
 */
public final class DataLoader implements Iterable<Batch> {
    private final Dataset dataset;
    private final int batchSize;
    private Generator shuffle;
    private boolean dropLast;

    public DataLoader(Dataset dataset, int batchSize) {
        if (dataset == null) throw new IllegalArgumentException("DataLoader: dataset is null");
        if (batchSize <= 0) throw new IllegalArgumentException("DataLoader: batchSize must be positive; got " + batchSize);
        this.dataset = dataset;
        this.batchSize = batchSize;
    }

    /** Reshuffles at the start of every pass with {@code generator}. */
    public DataLoader shuffle(Generator generator) {
        this.shuffle = generator;
        return this;
    }

    /** Skips the last batch when it would be smaller than the batch size. */
    public DataLoader dropLast(boolean dropLast) {
        this.dropLast = dropLast;
        return this;
    }

    /** Batches per pass. */
    public int size() {
        int n = datasetSize();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    @Override
    public Iterator<Batch> iterator() {
        long[] order = new long[datasetSize()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        if (shuffle != null) {
            for (int i = order.length - 1; i > 0; i--) {  // Fisher-Yates
                int j = (int) shuffle.nextLong(0, i + 1);
                long t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        int batches = size();
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < batches;
            }

            @Override
            public Batch next() {
                if (!hasNext()) throw new NoSuchElementException();
                int from = next++ * batchSize, to = Math.min(from + batchSize, order.length);
                long[] indices = java.util.Arrays.copyOfRange(order, from, to);
                Batch batch = dataset.get(indices);
                if (batch == null || batch.input() == null) {
                    throw new IllegalStateException("DataLoader: " + dataset.getClass().getName() + ".get returned "
                            + (batch == null ? "null" : "a batch whose input is null") + " for indices "
                            + describe(indices) + "; get must return a Batch of the examples at those indices");
                }
                return batch;
            }
        };
    }

    /** For example {@code DataLoader(dataset=TensorDataset(...), batchSize=128, shuffle=true, dropLast=false)}. */
    @Override
    public String toString() {
        return "DataLoader(dataset=" + dataset + ", batchSize=" + batchSize + ", shuffle=" + (shuffle != null)
                + ", dropLast=" + dropLast + ")";
    }

    private int datasetSize() {
        int n = dataset.size();
        if (n < 0) {
            throw new IllegalStateException("DataLoader: " + dataset.getClass().getName() + ".size() returned " + n
                    + "; a dataset's size must be >= 0");
        }
        return n;
    }

    private static String describe(long[] indices) {
        if (indices.length <= 8) return java.util.Arrays.toString(indices);
        return java.util.Arrays.toString(java.util.Arrays.copyOf(indices, 8)).replace("]", ", ...] (" + indices.length
                + " indices)");
    }
}
