package io.jgrad.nn;

import io.jgrad.core.OnNd4j;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link NormFixtureTest}: the PyTorch batch norm fixtures, on the ND4J device. */
@ExtendWith(OnNd4j.class)
class NormFixtureNd4jTest extends NormFixtureTest {}
