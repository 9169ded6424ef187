package io.jgrad.nn;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs a warning once per call site (the first caller outside jgrad), not once per training step. */
final class Warnings {
    private static final Logger LOG = LoggerFactory.getLogger("io.jgrad.nn");
    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    private Warnings() {}

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final Set<Object> LIBRARY = Set.of(location(Warnings.class), location(io.jgrad.core.Tensor.class));

    static void once(String message) {
        String site = WALKER.walk(frames -> frames
                .filter(f -> !LIBRARY.contains(location(f.getDeclaringClass())))
                .findFirst().map(f -> f.getClassName() + ":" + f.getLineNumber()).orElse("?"));
        if (SEEN.add(site + " " + message)) LOG.warn("{} (at {})", message, site);
    }

    /** Where a class was loaded from: jgrad's own jars (or class folders) are not call sites. */
    private static Object location(Class<?> c) {
        var source = c.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? c.getPackageName() : source.getLocation().toString();
    }
}
