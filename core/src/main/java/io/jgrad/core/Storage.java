package io.jgrad.core;

/**
 * The array behind one or more tensors, and its version counter: tensors that share storage (views,
 * {@code detach}) share the counter, so an in-place change through any of them is seen by autograd.
 */
final class Storage {
    final Object data;
    int version;

    Storage(Object data) {
        this.data = data;
    }
}
