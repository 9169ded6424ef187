package io.jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void optionsDefaultToThreeRoundsOnTwoThreadsAndQuickToOneRound() {
        Benchmark.Settings full = Benchmark.Settings.parse(new String[0]);
        assertEquals(3, full.rounds());
        assertEquals(2, full.threads());
        assertEquals(5, full.epochs());
        assertEquals(20_000, full.memorySteps());
        assertArrayEquals(new int[] {32, 128, 1024}, full.batches());
        Benchmark.Settings quick = Benchmark.Settings.parse(new String[] {"--quick", "--no-torch", "--threads", "1"});
        assertEquals(1, quick.rounds());
        assertEquals(1, quick.threads());
        assertTrue(quick.noTorch());
        assertEquals(2, Benchmark.Settings.parse(new String[] {"--quick", "--rounds", "2"}).rounds());
        assertThrows(IllegalArgumentException.class, () -> Benchmark.Settings.parse(new String[] {"--rounds", "0"}));
        assertThrows(IllegalArgumentException.class, () -> Benchmark.Settings.parse(new String[] {"--threads"}));
        assertThrows(IllegalArgumentException.class, () -> Benchmark.Settings.parse(new String[] {"--fast"}));
    }
}
