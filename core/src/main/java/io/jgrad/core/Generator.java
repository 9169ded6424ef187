package io.jgrad.core;

import java.util.SplittableRandom;

/**
 * A seedable source of random numbers, like {@code torch.Generator}. {@link Tensor#manualSeed}
 * reseeds the global one that {@code rand}, {@code randn}, {@code randint} and layer initialisers use
 * when given none. Not thread-safe: give each thread its own.
 *
 * <pre>
 * jshell> var g = new Generator(42);
 * jshell> Tensor.randn(g, 2)
 * $2 ==> tensor([-0.7172,  1.0268])
 * </pre>
 */
public final class Generator {
    private static final Generator GLOBAL = new Generator(0);

    private SplittableRandom random;
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
        this.random = new SplittableRandom(seed);
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
}
