package io.jgrad.optim;

import io.jgrad.core.OnNd4j;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link OptimizerFixtureTest}: the PyTorch optimizer trajectories, on the ND4J device. */
@ExtendWith(OnNd4j.class)
class OptimizerFixtureNd4jTest extends OptimizerFixtureTest {}
