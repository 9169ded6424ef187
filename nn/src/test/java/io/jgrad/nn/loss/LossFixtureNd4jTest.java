package io.jgrad.nn.loss;

import io.jgrad.core.OnNd4j;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link LossFixtureTest}: the PyTorch loss fixtures, on the ND4J device. */
@ExtendWith(OnNd4j.class)
class LossFixtureNd4jTest extends LossFixtureTest {}
