package io.jgrad.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.jgrad.core.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The printed tables hold sklearn's numbers, laid out for reading; parsed back here to check both. */
class MetricsFormatTest {
    private static final JsonNode CASE = MetricsFixtureTest.CASES.stream()
            .filter(c -> c.get("name").asText().equals("never_predicted")).findFirst().orElseThrow();
    private static final List<String> NAMES = List.of("cat", "dog", "ferret", "guinea pig");

    @Test
    void confusionTableHasARowPerTrueClassAndAColumnPerPredictedOne() {
        String[] lines = MetricsFixtureTest.matrix(CASE).toString(NAMES).split(System.lineSeparator());
        assertEquals("true \\ predicted  0  1  2  3", lines[0]);
        assertEquals(5, lines.length);
        for (int t = 0; t < 4; t++) {
            assertEquals(t + " " + NAMES.get(t), lines[t + 1].substring(0, 16).strip());
            String[] cells = lines[t + 1].substring(16).strip().split(" +");
            for (int p = 0; p < 4; p++) {
                assertEquals(CASE.get("confusion").get(t).get(p).asLong(), Long.parseLong(cells[p]), "row " + t + " column " + p);
            }
        }
    }

    @Test
    void unnamedRowsAreIndices() {
        String[] lines = MetricsFixtureTest.matrix(CASE).toString().split(System.lineSeparator());
        assertEquals("0               ", lines[1].substring(0, 16));
    }

    @Test
    void reportRowsHoldThePerClassScoresAndTheAverages() {
        ClassScores s = MetricsFixtureTest.matrix(CASE).scores();
        String[] lines = s.toString(NAMES).split(System.lineSeparator());
        assertEquals(7, lines.length);
        assertEquals("precision     recall   f1-score    support", lines[0].strip());
        JsonNode per = CASE.get("per_class");
        for (int c = 0; c < 4; c++) {
            String[] cells = lines[c + 1].substring(12).strip().split(" +");
            assertEquals(NAMES.get(c), lines[c + 1].substring(0, 12).strip());
            assertEquals(per.get("precision").get(c).asDouble(), Double.parseDouble(cells[0]), 5e-5);
            assertEquals(per.get("recall").get(c).asDouble(), Double.parseDouble(cells[1]), 5e-5);
            assertEquals(per.get("f1").get(c).asDouble(), Double.parseDouble(cells[2]), 5e-5);
            assertEquals(per.get("support").get(c).asLong(), Long.parseLong(cells[3]));
        }
        JsonNode macro = CASE.get("averages").get("macro");
        assertEquals("macro avg", lines[5].substring(0, 12).strip());
        assertEquals(macro.get("f1").asDouble(), Double.parseDouble(lines[5].substring(12).strip().split(" +")[2]), 5e-5);
        assertEquals("weighted avg", lines[6].substring(0, 12).strip());
    }
}
