package io.jgrad.optim;

import io.jgrad.core.Generator;
import io.jgrad.core.Tensor;
import io.jgrad.io.Tensors;
import io.jgrad.nn.Module;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A whole training run in one safetensors file: the model, the optimizer (step counts and moments),
 * the scheduler, the epoch and the random generators, so that a run resumed from it is bit-identical
 * to one that never stopped. PyTorch users write the same with {@code torch.save({"model": ...,
 * "optimizer": ...}, path)}; here the tensors go into the safetensors data and everything else into
 * its JSON metadata (see {@link StateCodec}). Written atomically, validated on load.
 *
 * <pre>
 * jshell> var model = new Linear(4, 2); var opt = new Adam(model.parameters(), 1e-3);
 * jshell> var file = java.nio.file.Files.createTempFile("run", ".safetensors");
 * jshell> Checkpoint.of(model, opt).epoch(3).save(file);
 * jshell> Checkpoint.of(model, opt).load(file)
 * $5 ==> 3
 * </pre>
 */
public final class Checkpoint {
    private static final String FORMAT = "jgrad-checkpoint-1";

    private final Module model;
    private final Optimizer optimizer;
    private Supplier<Map<String, Object>> schedulerState;
    private Consumer<Map<String, Object>> schedulerLoad;
    private final Map<String, Generator> generators = new LinkedHashMap<>();
    private long epoch;

    private Checkpoint(Module model, Optimizer optimizer) {
        if (model == null || optimizer == null) {
            throw new IllegalArgumentException("Checkpoint.of: model and optimizer must not be null (got model " + model
                    + ", optimizer " + optimizer + ")");
        }
        this.model = model;
        this.optimizer = optimizer;
        generators.put("global", Generator.global());
    }

    /** A checkpoint of {@code model} and {@code optimizer}; the global generator is always included. */
    public static Checkpoint of(Module model, Optimizer optimizer) {
        return new Checkpoint(model, optimizer);
    }

    public Checkpoint scheduler(LRScheduler scheduler) {
        schedulerState = scheduler::stateDict;
        schedulerLoad = scheduler::loadStateDict;
        return this;
    }

    public Checkpoint scheduler(ReduceLROnPlateau scheduler) {
        schedulerState = scheduler::stateDict;
        schedulerLoad = scheduler::loadStateDict;
        return this;
    }

    /** Another generator to save and restore, such as a DataLoader's shuffle generator. */
    public Checkpoint generator(String name, Generator generator) {
        if (name == null || generator == null || name.isEmpty()) {
            throw new IllegalArgumentException("Checkpoint.generator: name and generator must be given (got name '" + name
                    + "', generator " + generator + ")");
        }
        generators.put(name, generator);
        return this;
    }

    /** The number of finished epochs to record. */
    public Checkpoint epoch(long epoch) {
        this.epoch = epoch;
        return this;
    }

    /** Writes everything to {@code file} atomically: a crash leaves the previous file or none, never half a file. */
    public void save(Path file) {
        StateCodec codec = new StateCodec();
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        model.stateDict().forEach((k, v) -> tensors.put("model." + k, v));
        generators.forEach((k, g) -> tensors.put("generator." + k, g.getState()));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("epoch", Long.toString(epoch));
        meta.put("optimizer", codec.encode(optimizer.stateDict()));
        if (schedulerState != null) meta.put("scheduler", codec.encode(schedulerState.get()));
        tensors.putAll(codec.tensors());
        Tensors.save(tensors, meta, file);
    }

    /**
     * Restores everything from {@code file} into this checkpoint's objects and returns the recorded epoch.
     * The model, optimizer and scheduler must be built as when saving (the same architecture, parameter
     * groups and scheduler kind); a mismatch is named. The file is read and checked whole before any
     * object changes, and each of them checks its own state before applying it.
     */
    public long load(Path file) {
        Map<String, Tensor> tensors = Tensors.load(file);
        Map<String, String> meta = Tensors.metadata(file);
        String where = "Checkpoint.load(" + file + ")";
        if (!FORMAT.equals(meta.get("format"))) {
            throw new IllegalArgumentException(where + ": not a jgrad training checkpoint (metadata format is "
                    + meta.get("format") + ", expected " + FORMAT + "); for a model's weights alone use Module.load");
        }
        StateCodec codec = new StateCodec(tensors);
        Map<String, Tensor> modelState = new LinkedHashMap<>();
        tensors.forEach((k, v) -> {
            if (k.startsWith("model.")) modelState.put(k.substring("model.".length()), v);
        });
        for (String name : generators.keySet()) {
            if (!tensors.containsKey("generator." + name)) {
                throw new IllegalArgumentException(where + ": has no state for generator '" + name + "'; it holds "
                        + tensors.keySet().stream().filter(k -> k.startsWith("generator.")).toList());
            }
        }
        if (schedulerLoad != null && !meta.containsKey("scheduler")) {
            throw new IllegalArgumentException(where + ": has no scheduler state, but a scheduler was given to restore");
        }
        long savedEpoch;
        try {
            savedEpoch = Long.parseLong(meta.getOrDefault("epoch", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": metadata 'epoch' is '" + meta.get("epoch") + "', not a number");
        }
        Map<String, Object> optimizerState = codec.decode(meta.get("optimizer"), where + ": optimizer");
        Map<String, Object> schedulerSaved = schedulerLoad == null ? null : codec.decode(meta.get("scheduler"), where
                + ": scheduler");
        model.loadStateDict(modelState, true);
        optimizer.loadStateDict(optimizerState);
        if (schedulerLoad != null) schedulerLoad.accept(schedulerSaved);
        generators.forEach((k, g) -> g.setState(tensors.get("generator." + k)));
        return savedEpoch;
    }
}
