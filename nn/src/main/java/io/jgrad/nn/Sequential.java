package io.jgrad.nn;

import io.jgrad.core.Tensor;

/** Modules applied in order, named 0, 1, 2, ... as in PyTorch. */
public class Sequential extends Module {
    private final Module[] layers;

    public Sequential(Module... layers) {
        this.layers = layers.clone();
        for (int i = 0; i < layers.length; i++) module(String.valueOf(i), layers[i]);
    }

    @Override
    protected Tensor forward(Tensor x) {
        for (Module m : layers) x = m.apply(x);
        return x;
    }

    public Module get(int i) {
        return layers[i];
    }

    public int size() {
        return layers.length;
    }
}
