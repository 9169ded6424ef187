package io.jgrad.core;

/**
 * The array behind one or more tensors, and its version counter: tensors that share storage (views,
 * {@code detach}) share the counter, so an in-place change through any of them is seen by autograd.
 */
final class Storage {
    final Object data;
    /** {@code data}'s device, found once: every op asks each operand's (for its kernels and the same-device rule). */
    final Device device;
    int version;

    Storage(Object data) {
        this.data = data;
        this.device = Device.of(data);
    }
}
