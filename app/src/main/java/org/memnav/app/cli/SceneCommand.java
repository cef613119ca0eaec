package org.memnav.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code memnav scene}: procedural scenes, the shipped scene sets, previews of what the sensors see. */
@Command(name = "scene", mixinStandardHelpOptions = true,
        description = "Generate scene files, list the shipped scene sets, preview a scene's sensor images.",
        subcommands = {SceneGenerateCommand.class, SceneSetsCommand.class, ScenePreviewCommand.class})
public final class SceneCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "choose a subcommand: " + String.join(", ", spec.subcommands().keySet()));
    }
}
