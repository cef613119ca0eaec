package org.memnav.app.cli;

import org.memnav.scenes.sim.SceneSet;
import org.memnav.scenes.sim.SceneSets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code memnav scene sets}: the named scene sets shipped with the simulator. */
@Command(name = "sets", mixinStandardHelpOptions = true,
        description = "List the shipped scene sets (train, heldout alias val_unseen), their seed ranges and scenes. "
                + "Load a scene with --scene scene-set:SET/SCENE.")
public final class SceneSetsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the sets as one JSON line at the end.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        TextTable table = new TextTable("set", "aliases", "seeds", "scenes", "use");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SceneSet s : SceneSets.builtIn().all()) {
            table.row(s.name(), s.aliases().isEmpty() ? "-" : String.join(",", s.aliases()), s.firstSeed() + ".." + s.lastSeed(),
                    String.join(" ", s.scenes()), s.description());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", s.name());
            row.put("aliases", s.aliases());
            row.put("first_seed", s.firstSeed());
            row.put("last_seed", s.lastSeed());
            row.put("scene_refs", s.sceneRefs());
            rows.add(row);
        }
        stdout.print(table.render());
        if (json) {
            new JsonReport().put("sets", rows).printTo(stdout);
        }
        stdout.flush();
        return 0;
    }
}
