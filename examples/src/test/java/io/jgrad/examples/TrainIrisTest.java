package io.jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrainIrisTest {
    @Test
    void learnsTheSpecies() {
        TrainIris.Result r = TrainIris.train(150, false);
        assertTrue(r.lastLoss() < r.firstLoss() / 3, "loss should fall: " + r);
        assertTrue(r.testAccuracy() >= 0.9, "held-out accuracy: " + r);
    }
}
