package io.jgrad.core;

import static io.jgrad.core.TensorAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Factories, conversions and dtype promotion, against PyTorch where it defines the answer. */
class CreationTest {
    private static final Map<String, Supplier<Tensor>> JGRAD = Map.ofEntries(
            Map.entry("linspace", () -> Tensor.linspace(-1, 2, 7)),
            Map.entry("linspace_one", () -> Tensor.linspace(3, 5, 1)),
            Map.entry("arange_float", () -> Tensor.arange(0, 1, 0.1)),
            Map.entry("arange_int", () -> Tensor.arange(1, 10, 3)),
            Map.entry("arange_negative_step", () -> Tensor.arange(5, 0, -2)),
            Map.entry("eye", () -> Tensor.eye(2, 3)),
            Map.entry("full", () -> Tensor.full(1.5, 2, 2)),
            Map.entry("int_plus_float", () -> Tensor.of(new long[] {1, 2}).add(Tensor.of(0.5f, 0.25f))),
            Map.entry("bool_plus_int", () -> Tensor.of(new boolean[] {true, false}).add(Tensor.of(new long[] {1, 2}))),
            Map.entry("int_div_int", () -> Tensor.of(new long[] {1, 3}).div(Tensor.of(new long[] {2, 2}))),
            Map.entry("int_times_fraction", () -> Tensor.of(new long[] {1, 3}).mul(0.5)),
            Map.entry("int_plus_whole", () -> Tensor.of(new long[] {1, 3}).add(2)),
            Map.entry("float_to_long", () -> Tensor.of(-1.7, 2.9).toLong()),
            Map.entry("sum_bool", () -> Tensor.of(new boolean[] {true, true, false}).sum()),
            Map.entry("argmax_dim", () -> Tensor.of(new double[][] {{1, 5, 5}, {7, 0, 7}}).toDouble().argmax(1)),
            Map.entry("argmax_all", () -> Tensor.of(new double[][] {{1, 5}, {7, 0}}).argmax()),
            Map.entry("one_hot", () -> Tensor.of(new long[] {0, 2, 1}).oneHot(4)),
            Map.entry("eq", () -> Tensor.of(DType.FLOAT64, 1, 2, Double.NaN).eq(Tensor.of(DType.FLOAT64, 1, 3, Double.NaN))));

    static Stream<Arguments> creation() {
        return Fixtures.section("/fixtures/core_ops.json", "creation").stream()
                .map(c -> Arguments.of(c.get("name").asText(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("creation")
    void matchesPyTorch(String name, JsonNode c) {
        assertTrue(JGRAD.containsKey(name), "no jgrad expression for " + name);
        assertClose(Fixtures.tensor(c), JGRAD.get(name).get(), name);
    }

    @Test
    void literalsPickPyTorchsDtypes() {
        assertEquals(DType.FLOAT32, Tensor.of(1, 0, 1).dtype());
        assertEquals(DType.FLOAT32, Tensor.of(2.5).dtype());
        assertEquals(0, Tensor.of(2.5).dim());
        assertEquals(DType.INT64, Tensor.of(new long[] {1}).dtype());
        assertEquals(DType.INT64, Tensor.of(new int[] {1}).dtype());
        assertEquals(DType.INT64, Tensor.arange(3).dtype());
        assertEquals(DType.FLOAT64, Tensor.of(DType.FLOAT64, 0.1).dtype());
        assertEquals(0.1, Tensor.of(DType.FLOAT64, 0.1).item());
        assertArrayEquals(new int[] {2, 3}, Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}}).shape());
        assertArrayEquals(new long[] {1, 2, 3, 4}, Tensor.of(new long[][] {{1, 2}, {3, 4}}).toLongArray());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6},
                Tensor.fromArray(new double[] {1, 2, 3, 4, 5, 6}, 2, 3).toDoubleArray());
        assertEquals(DType.FLOAT64, Tensor.fromArray(new double[] {1}, 1).dtype());
    }

    @Test
    void seededRandomnessRepeats() {
        Tensor.manualSeed(7);
        Tensor a = Tensor.randn(3, 4);
        Tensor.manualSeed(7);
        assertArrayEquals(a.toFloatArray(), Tensor.randn(3, 4).toFloatArray());
        assertFalse(java.util.Arrays.equals(a.toFloatArray(), Tensor.randn(3, 4).toFloatArray()));
        Generator g1 = new Generator(1), g2 = new Generator(1);
        assertArrayEquals(Tensor.rand(g1, 5).toFloatArray(), Tensor.rand(g2, 5).toFloatArray());
        for (double v : Tensor.rand(g1, 1000).toDoubleArray()) assertTrue(v >= 0 && v < 1);
        for (long v : Tensor.randint(g1, -2, 3, 1000).toLongArray()) assertTrue(v >= -2 && v < 3);
        double mean = Tensor.randn(g1, 100_000).mean().item();
        assertEquals(0, mean, 0.02);
        assertNotEquals(Tensor.rand(new Generator(1), 1).item(), Tensor.rand(new Generator(2), 1).item());
    }

    @Test
    void crossesIntoAndOutOfNd4j() {
        Tensor t = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        INDArray a = t.nd4j();
        assertArrayEquals(new long[] {2, 3}, a.shape());
        assertEquals(DataType.FLOAT, a.dataType());
        assertEquals(6.0, a.getDouble(1, 2));
        Tensor back = Tensor.from(Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}}).transpose());
        assertEquals(DType.FLOAT64, back.dtype());
        assertArrayEquals(new double[] {1, 3, 2, 4}, back.toDoubleArray());
        assertEquals(DType.INT64, Tensor.from(Nd4j.createFromArray(1L, 2L)).dtype());
    }

    @Test
    void conversionsCopy() {
        Tensor x = Tensor.of(1.5, -2.5);
        assertArrayEquals(new double[] {1.5, -2.5}, x.toDouble().toDoubleArray());
        assertArrayEquals(new boolean[] {true, true}, x.toBool().toBooleanArray());
        double[] copy = x.toDoubleArray();
        copy[0] = 99;
        assertEquals(1.5, x.toDoubleArray()[0]);
        assertEquals(6, Tensor.zeros(2, 3).numel());
        assertEquals(3, Tensor.zeros(2, 3).size(-1));
        assertEquals(2, Tensor.zeros(2, 3).dim());
    }
}
