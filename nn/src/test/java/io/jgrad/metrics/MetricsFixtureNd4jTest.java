package io.jgrad.metrics;

import io.jgrad.core.OnNd4j;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(OnNd4j.class)
class MetricsFixtureNd4jTest extends MetricsFixtureTest {}
