package io.jgrad.core;

import org.junit.jupiter.api.extension.ExtendWith;

/** {@link EdgeFixtureTest}: the PyTorch edge-value fixtures, on the ND4J device. */
@ExtendWith(OnNd4j.class)
class EdgeFixtureNd4jTest extends EdgeFixtureTest {}
