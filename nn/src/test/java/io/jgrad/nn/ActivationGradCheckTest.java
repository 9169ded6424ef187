package io.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.core.DType;
import io.jgrad.core.ErrorAssert;
import io.jgrad.core.Generator;
import io.jgrad.core.GradCheck;
import io.jgrad.core.Tensor;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Central-difference gradcheck, in float64, of the activations, Embedding and Dropout2d (inputs away
 * from the kinks, where the derivative is defined; not Embedding's padding row, whose gradient PyTorch
 * withholds on purpose, checked by the fixtures instead), the structure of Dropout2d's channel masks, and
 * every error they raise.
 */
class ActivationGradCheckTest {
    private static final Generator G = new Generator(14);

    /** Normal values times 3, moved at least 0.01 away from {@code kinks}. */
    private static Tensor away(double... kinks) {
        double[] v = Tensor.randn(G, 3, 4).toDouble().mul(3).toDoubleArray();
        for (int i = 0; i < v.length; i++) {
            for (double k : kinks) if (Math.abs(v[i] - k) < 0.01) v[i] = k + 0.05;
        }
        return Tensor.of(DType.FLOAT64, v).reshape(3, 4);
    }

    static Stream<Arguments> cases() {
        Tensor idx = Tensor.of(new long[][] {{0, 2, 2}, {2, 0, 1}});
        return Stream.of(
                Arguments.of("silu", (Function<Tensor, Tensor>) F::silu, away()),
                Arguments.of("gelu tanh", (Function<Tensor, Tensor>) x -> F.gelu(x, "tanh"), away()),
                Arguments.of("gelu", (Function<Tensor, Tensor>) F::gelu, away()),
                Arguments.of("gelu none", (Function<Tensor, Tensor>) x -> F.gelu(x, "none"), away()),
                Arguments.of("softplus", (Function<Tensor, Tensor>) x -> F.softplus(x, 2, 3), away(1.5)),
                Arguments.of("elu", (Function<Tensor, Tensor>) x -> F.elu(x, 0.7), away(0)),
                Arguments.of("hardtanh", (Function<Tensor, Tensor>) x -> F.hardtanh(x, -2, 1.5), away(-2, 1.5)),
                Arguments.of("embedding", (Function<Tensor, Tensor>) w -> F.embedding(idx, w, null), away()),
                Arguments.of("dropout2d", (Function<Tensor, Tensor>) x -> F.dropout2d(x.reshape(1, 3, 2, 2), 0.4, true,
                        new Generator(3)), away()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradcheck(String name, Function<Tensor, Tensor> f, Tensor x) {
        assertTrue(GradCheck.check(in -> f.apply(in[0]), x.requiresGrad(true)), name);
    }

    @Test
    void dropout2dZeroesWholeChannelsAndScalesTheRest() {
        for (int[] shape : new int[][] {{4, 8, 3, 5}, {16, 2, 3}}) {
            Tensor x = Tensor.rand(G, shape).toDouble().add(1.0);
            Tensor y = F.dropout2d(x, 0.25, true, new Generator(7));
            double[] xs = x.toDoubleArray(), ys = y.toDoubleArray();
            int plane = shape[shape.length - 1] * shape[shape.length - 2], dropped = 0;
            for (int c = 0; c < xs.length / plane; c++) {
                boolean zero = ys[c * plane] == 0;
                if (zero) dropped++;
                for (int i = c * plane; i < (c + 1) * plane; i++) {
                    assertEquals(zero ? 0 : xs[i] / 0.75, ys[i], 1e-12, "channel " + c + " is dropped or scaled whole");
                }
            }
            int channels = xs.length / plane;
            assertTrue(dropped > 0 && dropped < channels, dropped + " of " + channels + " channels dropped");
        }
    }

    @Test
    void dropout2dEvalP0AndP1() {
        Tensor x = Tensor.rand(G, 2, 3, 2, 2);
        Dropout2d d = new Dropout2d(0.5, new Generator(1));
        d.eval();
        assertTrue(d.apply(x) == x, "eval is the identity");
        assertTrue(F.dropout2d(x, 0, true, G) == x, "p=0 is the identity");
        assertEquals(0.0, F.dropout2d(x, 1, true, G).abs().sum().item(), "p=1 zeroes everything");
        assertEquals("Dropout2d(p=0.5)", d.toString());
        assertEquals(x.dtype(), F.dropout2d(x, 0.3, true, G).dtype());
    }

    @Test
    void embeddingStartsNormalWithThePaddingRowZeroed() {
        Embedding e = new Embedding(50, 4, -2, new Generator(5));
        double[] w = e.weight.toDoubleArray();
        for (int j = 0; j < 4; j++) assertEquals(0.0, w[48 * 4 + j], "row 48 (padding_idx=-2) is zero");
        double var = e.weight.pow(2).mean().item();
        assertTrue(var > 0.6 && var < 1.4, "N(0, 1) init, mean square " + var);
        assertEquals("Embedding(50, 4, padding_idx=48)", e.toString());
        assertEquals("Softplus(beta=0.5, threshold=20)", new Softplus(0.5, 20).toString());
    }

    @Test
    void errors() {
        Tensor w = Tensor.randn(G, 4, 2);
        ErrorAssert.assertError(IndexOutOfBoundsException.class, () -> F.embedding(Tensor.of(new long[] {1, 4}), w, null),
                "embedding", "index 4", "4 rows", "0 to 3");
        ErrorAssert.assertError(IndexOutOfBoundsException.class, () -> F.embedding(Tensor.of(new long[] {-1}), w, null),
                "index -1");
        ErrorAssert.assertError(IllegalArgumentException.class, () -> F.embedding(Tensor.of(1.0, 2.0), w, null),
                "indices must be int64", "float32", "DType.INT64");
        ErrorAssert.assertError(IllegalArgumentException.class, () -> F.embedding(Tensor.of(new long[] {1}), Tensor.randn(4), null),
                "weight must be 2-D", "[4]");
        ErrorAssert.assertError(IllegalArgumentException.class, () -> new Embedding(3, 2, 3), "padding_idx", "within", "got 3");
        ErrorAssert.assertError(IllegalArgumentException.class, () -> new Embedding(-1, 2), "non-negative", "-1");
        ErrorAssert.assertError(IllegalArgumentException.class, () -> new Dropout2d(1.5), "between 0 and 1", "1.5");
        ErrorAssert.assertError(IllegalArgumentException.class, () -> F.dropout2d(Tensor.zeros(2, 3), 0.5, true, G),
                "dropout2d", "4-D", "[2, 3]");
        ErrorAssert.assertError(IllegalArgumentException.class, () -> new Hardtanh(1, -1), "min_val", "max_val=-1.0");
        ErrorAssert.assertError(IllegalArgumentException.class, () -> new GELU("exact"), "approximate", "'none'", "'tanh'",
                "got 'exact'");
        ErrorAssert.assertError(IllegalArgumentException.class, () -> new GELU(null), "approximate", "got null");
        ErrorAssert.assertError(IllegalArgumentException.class, () -> F.gelu(Tensor.zeros(1), "fast"), "'fast'");
        assertEquals(DType.FLOAT32, F.elu(Tensor.of(new long[] {-1, 2}), 1).dtype(), "int64 input becomes float32");
    }
}
