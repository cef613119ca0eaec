package org.memnav.inference.model;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Where tests find models: surefire runs in the module folder, so the project root is "..". */
final class TestModels {

    static final Path PROJECT_ROOT = Path.of("..");

    private TestModels() {
    }

    static Path shippedEncoderManifest() {
        return ModelLocator.inProjectRoot(PROJECT_ROOT).defaultEncoderManifest();
    }

    static Path fixture(String name) {
        try {
            var url = TestModels.class.getResource("/fixtures/" + name);
            if (url == null) {
                throw new IllegalStateException("test fixture missing: " + name + " (run inference/training/export_encoder.py)");
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
