package io.jgrad.core;

/** A copy onto another device, PyTorch's {@code to(device)}; the gradient goes back to the source device. */
final class ToDevice extends Op {
    private final Device target;
    private Device source;

    private ToDevice(Device target) {
        this.target = target;
    }

    static Tensor to(Tensor x, Device device) {
        Check.notNull(device, "to", "device");
        return x.device() == device ? x : new ToDevice(device).apply(x);
    }

    @Override
    protected Tensor forward(Tensor... in) {
        source = in[0].device();
        return new Tensor(target.kernels().fromHost(in[0].host()), in[0].shape());
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g.to(source)};
    }

    @Override
    public String name() {
        return "ToCopyBackward0";
    }
}
