package org.memnav.app.session;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the project's files at run time: the launcher passes the checkout as {@code memnav.home};
 * tests run from a module directory, so the parent of the working directory is tried next.
 */
public final class ProjectPaths {

    private ProjectPaths() {
    }

    public static Path home() {
        String prop = System.getProperty("memnav.home");
        if (prop != null) {
            return Path.of(prop);
        }
        Path cwd = Path.of("").toAbsolutePath();
        for (Path p = cwd; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("memnav")) && Files.isDirectory(p.resolve("inference"))) {
                return p;
            }
        }
        return cwd;
    }

    public static Path defaultEncoderManifest() {
        return home().resolve("inference/models/encoder_vit_tiny.json");
    }
}
