package io.jgrad.core;

import java.util.random.RandomGenerator;

/**
 * A seedable source of random numbers, like {@code torch.Generator}. {@link Tensor#manualSeed}
 * reseeds the global one that {@code rand}, {@code randn}, {@code randint} and layer initialisers use
 * when given none. Not thread-safe: give each thread its own. Its state can be saved and restored
 * ({@link #getState()}, {@link #setState(Tensor)}), as {@code torch.Generator.get_state}, so a
 * resumed training run draws the same numbers as one that never stopped. The numbers are not
 * PyTorch's: the algorithm is SplitMix64, as {@link java.util.SplittableRandom}'s.
 *
 * <pre>
 * jshell> var g = new Generator(42);
 * jshell> Tensor.randn(g, 2)
 * $2 ==> tensor([-0.7172,  1.0268])
 * </pre>
 */
public final class Generator {
    private static final Generator GLOBAL = new Generator(0);

    private final SplitMix random = new SplitMix();
    private long seed;

    public Generator(long seed) {
        manualSeed(seed);
    }

    /** The generator used when none is given. */
    public static Generator global() {
        return GLOBAL;
    }

    public Generator manualSeed(long seed) {
        this.seed = seed;
        this.random.state = seed;
        return this;
    }

    /**
     * The state as an int64 tensor {@code [initial seed, position]}, like {@code torch.Generator.get_state()}:
     * {@link #setState} with it continues the stream exactly where this one is.
     * <pre>
     * jshell> var g = new Generator(7); var saved = g.getState(); var a = g.nextUniform();
     * jshell> g.setState(saved); g.nextUniform() == a
     * $3 ==> true
     * </pre>
     */
    public Tensor getState() {
        return Tensor.of(new long[] {seed, random.state});
    }

    /** Restores a state from {@link #getState()}; returns this. */
    public Generator setState(Tensor state) {
        Check.notNull(state, "setState", "state");
        Check.argument(state.dtype() == DType.INT64 && java.util.Arrays.equals(state.shape(), new int[] {2}), "setState: "
                + "expected the int64 tensor of shape [2] that getState() returns; got %s %s", state.dtype(),
                Check.shape(state.shape()));
        long[] s = state.toLongArray();
        seed = s[0];
        random.state = s[1];
        return this;
    }

    public long initialSeed() {
        return seed;
    }

    /** Uniform in [0, 1). */
    public double nextUniform() {
        return random.nextDouble();
    }

    /** Uniform in [low, high). */
    public double nextUniform(double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    /** Standard normal. */
    public double nextGaussian() {
        return random.nextGaussian();
    }

    /** Uniform integer in [low, high). */
    public long nextLong(long low, long high) {
        return random.nextLong(low, high);
    }

    /**
     * SplittableRandom's generator (SplitMix64 with the golden gamma) with its state in the open, so it
     * can be saved. Only {@code nextLong} is defined here: the JDK derives doubles, bounded longs and
     * Gaussians from it exactly as it does for SplittableRandom, so the streams are identical (tested).
     */
    private static final class SplitMix implements RandomGenerator {
        private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
        long state;

        @Override
        public long nextLong() {
            long z = state += GOLDEN_GAMMA;
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            return z ^ (z >>> 31);
        }
    }
}
