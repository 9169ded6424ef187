package io.jgrad.optim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jgrad.core.Tensor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Optimizer and scheduler state dicts as JSON plus tensors, with every Java type they hold kept, so
 * that {@code loadStateDict} gets back exactly what {@code stateDict} gave: tensors become references
 * to entries of the safetensors file, and the JSON tags what JSON alone would blur (int vs long keys,
 * double[] vs list). No Java serialization.
 */
final class StateCodec {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<String, Tensor> tensors;

    /** For encoding: collects the tensors it meets under fresh names. */
    StateCodec() {
        this.tensors = new LinkedHashMap<>();
    }

    /** For decoding: resolves references against the tensors read from a file. */
    StateCodec(Map<String, Tensor> tensors) {
        this.tensors = tensors;
    }

    /** The tensors met while encoding, by the names the JSON refers to. */
    Map<String, Tensor> tensors() {
        return tensors;
    }

    String encode(Map<String, Object> state) {
        return encodeValue(state).toString();
    }

    private JsonNode encodeValue(Object v) {
        if (v instanceof Tensor t) {
            String name = "state." + tensors.size();
            tensors.put(name, t);
            return tagged("tensor", NODES.textNode(name));
        }
        if (v instanceof Map<?, ?> m) {
            ArrayNode entries = NODES.arrayNode();
            m.forEach((k, x) -> entries.add(NODES.arrayNode().add(encodeValue(k)).add(encodeValue(x))));
            return tagged("map", entries);
        }
        if (v instanceof List<?> l) {
            ArrayNode items = NODES.arrayNode();
            l.forEach(x -> items.add(encodeValue(x)));
            return tagged("list", items);
        }
        if (v instanceof double[] d) {
            ArrayNode items = NODES.arrayNode();
            for (double x : d) items.add(x);
            return tagged("doubles", items);
        }
        if (v instanceof Integer i) return tagged("int", NODES.numberNode(i));
        if (v instanceof Long l) return tagged("long", NODES.numberNode(l));
        if (v instanceof Double d) return tagged("double", NODES.textNode(Double.toString(d)));  // keeps NaN and inf
        if (v instanceof Boolean b) return tagged("bool", NODES.booleanNode(b));
        if (v instanceof String s) return tagged("string", NODES.textNode(s));
        throw new IllegalArgumentException("Checkpoint: cannot store a " + (v == null ? "null" : v.getClass().getName())
                + " from a state dict; state dicts hold tensors, numbers, booleans, strings, lists and maps");
    }

    private static ObjectNode tagged(String type, JsonNode value) {
        ObjectNode n = NODES.objectNode();
        n.set(type, value);
        return n;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> decode(String json, String where) {
        if (json == null) throw new IllegalArgumentException(where + " state is missing from the file's metadata");
        try {
            Object v = decodeValue(JSON.readTree(json), where);
            if (!(v instanceof Map)) throw new IllegalArgumentException(where + " state is not a map");
            return (Map<String, Object>) v;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + " state is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private Object decodeValue(JsonNode n, String where) {
        if (n == null || !n.isObject() || n.size() != 1) {
            throw new IllegalArgumentException(where + ": expected a tagged value such as {\"int\": 3}, got " + n);
        }
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = e.getValue();
        switch (e.getKey()) {
            case "tensor" -> {
                Tensor t = tensors.get(v.asText());
                if (t == null) throw new IllegalArgumentException(where + ": refers to tensor '" + v.asText()
                        + "', which the file does not hold");
                return t;
            }
            case "map" -> {
                Map<Object, Object> m = new LinkedHashMap<>();
                for (JsonNode entry : array(v, where)) {
                    if (!entry.isArray() || entry.size() != 2) throw new IllegalArgumentException(where
                            + ": a map entry must be [key, value], got " + entry);
                    m.put(decodeValue(entry.get(0), where), decodeValue(entry.get(1), where));
                }
                return m;
            }
            case "list" -> {
                List<Object> l = new ArrayList<>();
                for (JsonNode item : array(v, where)) l.add(decodeValue(item, where));
                return l;
            }
            case "doubles" -> {
                ArrayNode a = array(v, where);
                double[] d = new double[a.size()];
                for (int i = 0; i < d.length; i++) d[i] = number(a.get(i), where).doubleValue();
                return d;
            }
            case "int" -> {
                if (!v.canConvertToInt()) throw new IllegalArgumentException(where + ": " + v + " is not an int");
                return v.intValue();
            }
            case "long" -> {
                if (!v.canConvertToLong()) throw new IllegalArgumentException(where + ": " + v + " is not a long");
                return v.longValue();
            }
            case "double" -> {
                try {
                    return Double.parseDouble(v.asText());
                } catch (NumberFormatException bad) {
                    throw new IllegalArgumentException(where + ": '" + v.asText() + "' is not a double");
                }
            }
            case "bool" -> {
                if (!v.isBoolean()) throw new IllegalArgumentException(where + ": " + v + " is not a boolean");
                return v.booleanValue();
            }
            case "string" -> {
                return v.asText();
            }
            default -> throw new IllegalArgumentException(where + ": unknown value tag '" + e.getKey() + "'");
        }
    }

    private static ArrayNode array(JsonNode v, String where) {
        if (!(v instanceof ArrayNode a)) throw new IllegalArgumentException(where + ": expected a JSON array, got " + v);
        return a;
    }

    private static Number number(JsonNode v, String where) {
        if (v == null || !v.isNumber()) throw new IllegalArgumentException(where + ": expected a number, got " + v);
        return v.numberValue();
    }
}
