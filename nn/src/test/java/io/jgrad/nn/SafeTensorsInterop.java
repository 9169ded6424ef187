package io.jgrad.nn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jgrad.core.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The jgrad side of the PyTorch round trip. Its main writes fixtures/jgrad_mlp.safetensors and
 * jgrad_mlp.json (inputs and jgrad's outputs), which
 * {@code gen_safetensors_fixtures.py --check fixtures/jgrad_mlp.safetensors} loads in PyTorch:
 * <pre>
 * ./mvnw -o -pl nn -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp nn/target/test-classes:nn/target/classes:$(cat /tmp/cp.txt) io.jgrad.nn.SafeTensorsInterop
 * </pre>
 */
final class SafeTensorsInterop {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    static final ObjectMapper JSON = new ObjectMapper();

    private SafeTensorsInterop() {}

    static Module mlp() {
        return new Sequential(new Linear(4, 8), new ReLU(), new Linear(8, 3));
    }

    public static void main(String[] args) throws IOException {
        Path dir = args.length > 0 ? Path.of(args[0]) : Path.of("nn").resolve(FIXTURES);
        Tensor.manualSeed(1);
        Module model = mlp();
        Tensor inputs = Tensor.randn(6, 4);
        model.save(dir.resolve("jgrad_mlp.safetensors"));
        ObjectNode json = JSON.createObjectNode();
        json.set("inputs", rows(inputs));
        json.set("outputs", rows(model.apply(inputs)));
        JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("jgrad_mlp.json").toFile(), json);
    }

    private static ArrayNode rows(Tensor t) {
        ArrayNode out = JSON.createArrayNode();
        float[] v = t.toFloatArray();
        for (int r = 0; r < t.size(0); r++) {
            ArrayNode row = out.addArray();
            for (int c = 0; c < t.size(1); c++) row.add((double) v[r * t.size(1) + c]);
        }
        return out;
    }

    /** A float32 matrix from a JSON array of rows. */
    static Tensor matrix(Path json, String key) throws IOException {
        JsonNode rows = JSON.readTree(Files.readString(json)).get(key);
        int n = rows.size(), m = rows.get(0).size();
        float[] v = new float[n * m];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < m; c++) v[r * m + c] = (float) rows.get(r).get(c).asDouble();
        }
        return Tensor.fromArray(v, n, m);
    }
}
