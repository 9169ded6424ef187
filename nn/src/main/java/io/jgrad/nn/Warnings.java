package io.jgrad.nn;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs a warning once per call site (the first caller outside jgrad), not once per training step. */
public final class Warnings {
    private static final Logger LOG = LoggerFactory.getLogger("io.jgrad.nn");
    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    private Warnings() {}

    public static void once(String message) {
        String site = StackWalker.getInstance().walk(frames -> frames
                .filter(f -> !f.getClassName().startsWith("io.jgrad.nn") && !f.getClassName().startsWith("io.jgrad.core"))
                .findFirst().map(f -> f.getClassName() + ":" + f.getLineNumber()).orElse("?"));
        if (SEEN.add(site + " " + message)) LOG.warn("{} (at {})", message, site);
    }
}
