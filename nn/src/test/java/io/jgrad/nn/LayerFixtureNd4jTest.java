package io.jgrad.nn;

import io.jgrad.core.OnNd4j;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link LayerFixtureTest}: the PyTorch layer fixtures, on the ND4J device. */
@ExtendWith(OnNd4j.class)
class LayerFixtureNd4jTest extends LayerFixtureTest {}
