package io.jgrad.optim;

import io.jgrad.core.OnNd4j;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link SchedulerAndClipFixtureTest}: the PyTorch scheduler and clipping fixtures, on the ND4J device. */
@ExtendWith(OnNd4j.class)
class SchedulerAndClipFixtureNd4jTest extends SchedulerAndClipFixtureTest {}
