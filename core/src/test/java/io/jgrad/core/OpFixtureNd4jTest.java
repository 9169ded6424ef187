package io.jgrad.core;

import org.junit.jupiter.api.extension.ExtendWith;

/** {@link OpFixtureTest}: the PyTorch op fixtures, on the ND4J device. */
@ExtendWith(OnNd4j.class)
class OpFixtureNd4jTest extends OpFixtureTest {}
