package io.jgrad.core;

import org.junit.jupiter.api.extension.ExtendWith;

/** {@link DifferentialTest}: the seeded random programs against PyTorch, on the ND4J device. */
@ExtendWith(OnNd4j.class)
class DifferentialNd4jTest extends DifferentialTest {}
