package io.jgrad.nn;

import io.jgrad.core.OnNd4j;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link RandomLayerTest}: the seeded random layer configurations against PyTorch, on the ND4J device. */
@ExtendWith(OnNd4j.class)
class RandomLayerNd4jTest extends RandomLayerTest {}
