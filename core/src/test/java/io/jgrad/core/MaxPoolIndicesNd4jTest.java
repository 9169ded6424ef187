package io.jgrad.core;

import org.junit.jupiter.api.extension.ExtendWith;

/** {@link MaxPoolIndicesTest} on the ND4J device. */
@ExtendWith(OnNd4j.class)
class MaxPoolIndicesNd4jTest extends MaxPoolIndicesTest {}
