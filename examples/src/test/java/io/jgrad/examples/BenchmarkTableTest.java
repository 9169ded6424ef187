package io.jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.examples.BenchmarkTable.Kind;
import io.jgrad.examples.BenchmarkTable.Row;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark's arithmetic and options, without timing anything. */
class BenchmarkTableTest {
    private static final Row RATE = new Row("rate", "steps", Kind.RATE);
    private static final Row TIME = new Row("time", "seconds", Kind.TIME);
    private static final Row INFO = new Row("acc", "accuracy", Kind.INFO);

    private static Map<String, Double> round(Double rate, Double time, Double acc) {
        Map<String, Double> r = new HashMap<>();
        r.put("rate", rate);
        r.put("time", time);
        r.put("acc", acc);
        return r;
    }

    @Test
    void ratiosAreAboveOneWhenJgradIsFasterAndTakenPerRound() {
        BenchmarkTable t = new BenchmarkTable(List.of(RATE, TIME, INFO));
        t.add(round(200.0, 1.0, 0.87), round(100.0, 3.0, 0.88));  // jgrad 2x the rate, 3x faster
        t.add(round(100.0, 2.0, 0.87), round(100.0, 2.0, 0.88));
        t.add(round(300.0, 4.0, 0.87), round(100.0, 2.0, 0.88));
        assertEquals(List.of(2.0, 1.0, 3.0), t.ratios(RATE));
        assertEquals(List.of(3.0, 1.0, 0.5), t.ratios(TIME));
        assertEquals(List.of(), t.ratios(INFO));
        String md = t.markdown("PyTorch 1.13");
        assertTrue(md.contains("| steps | 200 | 100 | 2.00 | 1.00–3.00 |"), md);
        assertTrue(md.contains("| seconds | 2.00 | 2.00 | 1.00 | 0.50–3.00 |"), md);
        assertTrue(md.contains("| accuracy | 0.8700 | 0.8800 | - | - |"), md);
        assertTrue(md.startsWith("| benchmark | jgrad | PyTorch 1.13 | jgrad / PyTorch (median of 3 rounds) |"), md);
    }

    @Test
    void missingValuesAreLeftOutAndEvenCountsAverageTheMiddleTwo() {
        BenchmarkTable t = new BenchmarkTable(List.of(RATE, TIME, INFO));
        t.add(round(100.0, null, null), null);  // PyTorch not run, time row skipped
        t.add(round(300.0, null, null), round(100.0, null, null));
        assertEquals(List.of(3.0), t.ratios(RATE));
        assertEquals(200.0, BenchmarkTable.median(t.values("rate", true)));
        assertEquals(Arrays.asList(null, 100.0), t.values("rate", false));
        assertTrue(t.markdown("PyTorch").contains("| seconds | - | - | - | - |"));
        assertEquals(2.5, BenchmarkJgrad.median(new double[] {4, 1, 2, 3}));
    }

    @Test
    void nd4jRowsFormASecondTableBesidePyTorchsAndTheCpuDevicesFigures() {
        Row nd4jRate = new Row("nd4j_rate", "steps", Kind.RATE, "rate");
        Row nd4jTime = new Row("nd4j_time", "seconds", Kind.TIME, "time");
        BenchmarkTable t = new BenchmarkTable(List.of(RATE, TIME, nd4jRate, nd4jTime));
        for (double nd4j : new double[] {50, 20, 40}) {
            Map<String, Double> j = round(200.0, 1.0, null);
            j.put("nd4j_rate", nd4j);
            j.put("nd4j_time", 1000 / nd4j);  // 20, 50, 25 s
            t.add(j, round(100.0, 2.0, null));
        }
        assertEquals(List.of(0.5, 0.2, 0.4), t.ratios(nd4jRate));  // against PyTorch's "rate"
        assertEquals(List.of(0.1, 0.04, 0.08), t.ratios(nd4jTime));
        String md = t.markdown("PyTorch 1.13");
        String[] tables = md.split("\n\n");
        assertEquals(2, tables.length, md);
        assertTrue(tables[0].contains("| steps | 200 | 100 | 2.00 | 2.00–2.00 |"), md);
        assertFalse(tables[0].contains("| steps | 40"), md);
        assertTrue(tables[1].startsWith("| on the ND4J device | jgrad ND4J | jgrad CPU | PyTorch 1.13 | ND4J / PyTorch "
                + "(median of 3 rounds) | spread | ND4J / CPU (median of 3 rounds) | spread |"), md);
        assertTrue(tables[1].contains("| steps | 40.0 | 200 | 100 | 0.40 | 0.20–0.50 | 0.20 | 0.10–0.25 |"), md);
        assertTrue(tables[1].contains("| seconds | 25.0 | 1.00 | 2.00 | 0.080 | 0.040–0.10 | 0.040 | 0.020–0.050 |"), md);
        assertEquals(1, new BenchmarkTable(List.of(RATE)).markdown("PyTorch").split("\n\n").length);
    }

    @Test
    void optionsDefaultToThreeRoundsOnTwoThreadsAndQuickToOneRound() {
        Benchmark.Settings full = Benchmark.Settings.parse(new String[0]);
        assertEquals(3, full.rounds());
        assertEquals(2, full.threads());
        assertEquals(5, full.epochs());
        assertEquals(20_000, full.memorySteps());
        assertEquals(50, full.cnnBatches());
        assertTrue(full.nd4j());
        assertFalse(Benchmark.Settings.parse(new String[] {"--no-nd4j"}).nd4j());
        assertArrayEquals(new int[] {32, 128, 1024}, full.batches());
        Benchmark.Settings quick = Benchmark.Settings.parse(new String[] {"--quick", "--no-torch", "--threads", "1"});
        assertEquals(1, quick.rounds());
        assertEquals(1, quick.threads());
        assertTrue(quick.noTorch());
        assertEquals(10, quick.cnnBatches());
        assertEquals(2, Benchmark.Settings.parse(new String[] {"--quick", "--rounds", "2"}).rounds());
        assertThrows(IllegalArgumentException.class, () -> Benchmark.Settings.parse(new String[] {"--rounds", "0"}));
        assertThrows(IllegalArgumentException.class, () -> Benchmark.Settings.parse(new String[] {"--threads"}));
        assertThrows(IllegalArgumentException.class, () -> Benchmark.Settings.parse(new String[] {"--fast"}));
    }
}
