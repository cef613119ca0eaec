package org.memnav.app.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where exports land: the folder is created when missing, so "save to a new folder" just works. */
final class ReportFiles {

    private ReportFiles() {
    }

    static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
