package io.jgrad.core;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class with the factories on {@link Device#ND4J}, so a CPU suite's subclass annotated
 * {@code @ExtendWith(OnNd4j.class)} repeats every case on the ND4J device; {@link TensorAssert}
 * checks each result stayed there.
 */
public final class OnNd4j implements BeforeAllCallback, AfterAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        Tensor.setDefaultDevice(Device.ND4J);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Tensor.setDefaultDevice(Device.CPU);
    }
}
