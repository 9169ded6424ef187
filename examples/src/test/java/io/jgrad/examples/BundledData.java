package io.jgrad.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies the bundled Fashion-MNIST subset into a folder, so tests do not depend on what the machine has installed. */
final class BundledData {
    private BundledData() {}

    static Path fashionMnistIn(Path dir) throws IOException {
        for (String f : FashionMnist.FILES) {
            try (InputStream in = FashionMnist.class.getResourceAsStream(FashionMnist.BUNDLED + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
        return dir;
    }
}
