package io.jgrad.nn;

import io.jgrad.core.OnNd4j;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link ActivationFixtureTest}: the PyTorch activation and embedding fixtures, on the ND4J device. */
@ExtendWith(OnNd4j.class)
class ActivationFixtureNd4jTest extends ActivationFixtureTest {}
