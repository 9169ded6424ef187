package io.jgrad.optim;

import io.jgrad.core.Tensor;
import java.util.Arrays;
import java.util.Map;

/**
 * Typed reads from state dicts and option maps, which arrive as {@code Map<String, Object>}: a missing key
 * or a value of the wrong type is named here, with what was expected, instead of surfacing later as a
 * bare NullPointerException or ClassCastException deep inside a step.
 */
final class StateDicts {
    private StateDicts() {}

    static Map<?, ?> requireMap(Object map, String what) {
        if (map == null) throw new IllegalArgumentException(what + " is null; pass the map saved by stateDict()");
        if (!(map instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(what + " must be a Map; got " + describe(map));
        }
        return m;
    }

    /** {@code map.get(key)}, which must be present, non-null and a {@code type}. */
    static <T> T get(Map<?, ?> map, String key, Class<T> type, String where) {
        if (!map.containsKey(key)) {
            throw new IllegalArgumentException(where + ": missing key '" + key + "' (a " + type.getSimpleName()
                    + "); the map has keys " + map.keySet() + ". Pass a map saved by stateDict()");
        }
        return require(map.get(key), type, where + ": key '" + key + "'");
    }

    static <T> T require(Object value, Class<T> type, String what) {
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException(what + " must be a " + type.getSimpleName() + "; got " + describe(value));
        }
        return type.cast(value);
    }

    static String describe(Object value) {
        if (value == null) return "null";
        String shown = value instanceof double[] d ? Arrays.toString(d)
                : value instanceof String s ? "\"" + s + "\"" : value instanceof Tensor t ? "shape " + Arrays.toString(t.shape())
                : String.valueOf(value);
        return value.getClass().getSimpleName() + " " + shown;
    }
}
