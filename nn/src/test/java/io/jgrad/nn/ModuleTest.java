package io.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.core.Device;
import io.jgrad.core.Generator;
import io.jgrad.core.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModuleTest {
    private static Sequential mlp() {
        Generator g = new Generator(0);
        return new Sequential(new Linear(4, 8, true, g), new ReLU(), new Dropout(0.5, g), new Linear(8, 3, true, g));
    }

    @Test
    void registersParametersInOrderWithDottedNames() {
        Sequential m = mlp();
        assertEquals(List.of("0.weight", "0.bias", "3.weight", "3.bias"), List.copyOf(m.namedParameters().keySet()));
        assertEquals(4, m.parameters().size());
        assertTrue(m.parameters().stream().allMatch(p -> p.requiresGrad() && p.isLeaf()));
        assertEquals(List.of("0", "1", "2", "3"), List.copyOf(m.children().keySet()));
        assertArrayEquals(new int[] {8, 4}, ((Linear) m.get(0)).weight.shape());
    }

    @Test
    void printsLikePyTorch() {
        assertEquals("Sequential(\n"
                + "  (0): Linear(in_features=4, out_features=8, bias=true)\n"
                + "  (1): ReLU()\n"
                + "  (2): Dropout(p=0.5)\n"
                + "  (3): Linear(in_features=8, out_features=3, bias=true)\n"
                + ")", mlp().toString());
        assertEquals("Sequential(\n  (0): Sequential(\n    (0): Tanh()\n  )\n)",
                new Sequential(new Sequential(new Tanh())).toString());
        assertEquals("LogSoftmax(dim=1)", new LogSoftmax(1).toString());
    }

    @Test
    void linearMatchesItsFormulaAndPyTorchsInitBounds() {
        Linear l = new Linear(100, 50, true, new Generator(1));
        double bound = 1 / Math.sqrt(100);
        for (double w : l.weight.toDoubleArray()) assertTrue(Math.abs(w) <= bound);
        for (double b : l.bias.toDoubleArray()) assertTrue(Math.abs(b) <= bound);
        Tensor x = Tensor.randn(7, 100);
        Tensor expected = x.matmul(l.weight.t()).add(l.bias);
        assertArrayEquals(expected.toFloatArray(), l.apply(x).toFloatArray(), 1e-6f);
        assertNull(new Linear(3, 2, false).bias);
        assertEquals(2, new Linear(3, 2, false).apply(Tensor.ones(3)).numel());
    }

    @Test
    void zeroGradClearsEveryGradient() {
        Sequential m = mlp();
        m.apply(Tensor.randn(5, 4)).sum().backward();
        assertTrue(m.parameters().stream().allMatch(p -> p.grad() != null));
        m.zeroGrad();
        assertTrue(m.parameters().stream().allMatch(p -> p.grad() == null));
    }

    @Test
    void dropoutIsSeededScaledAndOffInEval() {
        Tensor x = Tensor.ones(1000);
        Dropout d = new Dropout(0.25, new Generator(5));
        Tensor y = d.apply(x);
        long kept = java.util.Arrays.stream(y.toDoubleArray()).filter(v -> v != 0).count();
        assertEquals(750, kept, 50);
        assertTrue(java.util.Arrays.stream(y.toDoubleArray()).allMatch(v -> v == 0 || Math.abs(v - 4.0 / 3) < 1e-6));
        assertArrayEquals(y.toFloatArray(), new Dropout(0.25, new Generator(5)).apply(x).toFloatArray());
        d.eval();
        assertFalse(d.isTraining());
        assertSame(x, d.apply(x));
        assertThrows(IllegalArgumentException.class, () -> new Dropout(1.5));
    }

    @Test
    void dropoutDropsTheSameElementsOnEveryDevice() {
        Tensor x = Tensor.ones(2, 3, 4, 4);
        Tensor cpu = new Dropout(0.5, new Generator(9)).apply(x), nd4j = new Dropout(0.5, new Generator(9)).apply(x.to(Device.ND4J));
        assertEquals(Device.ND4J, nd4j.device());
        assertArrayEquals(cpu.toFloatArray(), nd4j.toFloatArray());
        Tensor channels = new Dropout2d(0.5, new Generator(9)).apply(x.to(Device.ND4J));
        assertEquals(Device.ND4J, channels.device());
        assertArrayEquals(new Dropout2d(0.5, new Generator(9)).apply(x).toFloatArray(), channels.toFloatArray());
    }

    @Test
    void trainAndEvalReachSubmodules() {
        Sequential m = mlp();
        m.eval();
        assertFalse(m.get(2).isTraining());
        Tensor x = Tensor.randn(2, 4);
        assertArrayEquals(m.apply(x).toFloatArray(), m.apply(x).toFloatArray());
        m.train();
        assertTrue(m.get(2).isTraining());
    }

    @Test
    void stateDictRoundTrip() {
        Sequential a = mlp(), b = new Sequential(new Linear(4, 8), new ReLU(), new Dropout(0.5), new Linear(8, 3));
        a.eval();
        b.eval();
        Tensor x = Tensor.randn(3, 4);
        assertNotEquals(a.apply(x).toDoubleArray()[0], b.apply(x).toDoubleArray()[0]);
        b.loadStateDict(a.stateDict(), true);
        assertArrayEquals(a.apply(x).toFloatArray(), b.apply(x).toFloatArray());
        Map<String, Tensor> state = a.stateDict();
        state.get("0.bias").fill(7);
        assertNotEquals(7.0, a.namedParameters().get("0.bias").toDoubleArray()[0], "stateDict holds copies");
    }

    @Test
    void loadStateDictExplainsMismatches() {
        Sequential m = mlp();
        Map<String, Tensor> state = m.stateDict();
        state.remove("3.bias");
        state.put("4.weight", Tensor.zeros(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.loadStateDict(state, true));
        assertTrue(e.getMessage().contains("missing keys [3.bias]") && e.getMessage().contains("unexpected keys [4.weight]"),
                e.getMessage());
        m.loadStateDict(state, false);
        Map<String, Tensor> wrong = Map.of("0.weight", Tensor.zeros(4, 8));
        e = assertThrows(IllegalArgumentException.class, () -> m.loadStateDict(wrong, false));
        assertTrue(e.getMessage().contains("size mismatch for 0.weight") && e.getMessage().contains("[8, 4]"), e.getMessage());
    }

    @Test
    void initialisersHitTheirStatistics() {
        Generator g = new Generator(2);
        Tensor w = Tensor.zeros(400, 300);
        Init.kaimingNormal(w, 0, g);
        double std = Math.sqrt(w.pow(2).mean().item());
        assertEquals(Math.sqrt(2.0 / 300), std, 0.002);
        Init.xavierUniform(w, 1, g);
        assertEquals(Math.sqrt(6.0 / 700), w.abs().amax().item(), 0.001);
        Init.normal(w, 3, 0.5, g);
        assertEquals(3, w.mean().item(), 0.01);
        Init.zeros(w);
        assertEquals(0, w.abs().sum().item());
        assertThrows(IllegalArgumentException.class, () -> Init.xavierUniform(Tensor.zeros(3), 1, g));
    }

    @Test
    void functionalActivations() {
        Tensor x = Tensor.of(-2, 0.5);
        assertArrayEquals(new float[] {-0.02f, 0.5f}, new LeakyReLU().apply(x).toFloatArray(), 1e-7f);
        assertArrayEquals(new float[] {0, 0.5f}, F.relu(x).toFloatArray());
        assertArrayEquals(new int[] {2, 12}, new Flatten().apply(Tensor.zeros(2, 3, 4)).shape());
        assertSame(x, new Identity().apply(x));
        assertEquals(1.0, new Softmax(0).apply(x).sum().item(), 1e-6);
    }
}
