package org.memnav.app;

import org.memnav.app.cli.MemnavCommand;
import picocli.CommandLine;

/** Entry point of the {@code memnav} launcher. Deliberately not a JavaFX Application subclass. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(MemnavCommand.commandLine().execute(args));
    }
}
