package org.memnav.app.ui;

import org.memnav.app.session.NavigationRun;
import org.memnav.app.session.ProjectPaths;
import org.memnav.app.session.RecordingListener;
import org.memnav.app.session.RunListener;
import org.memnav.app.session.RunSettings;
import org.memnav.inference.agent.StepEvent;
import org.memnav.scenes.sim.SceneRef;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** A small real recording for UI tests: the learned agent on the embedded simulator, cut after {@code steps} steps. */
public final class RecordedRunFixture {

    private RecordedRunFixture() {
    }

    public static Path record(Path dir, int steps) {
        return record(dir, steps, 16, 20, "astranav-seed7.mcap");
    }

    /** The same scene and episode with another compression rate and memory length (for comparisons). */
    public static Path record(Path dir, int steps, int rate, int memoryLength, String fileName) {
        return record(dir, steps, "astranav", rate, memoryLength, fileName);
    }

    /** A run of another agent arm (the semantic-sensor reference reaches goals within a few hundred steps). */
    public static Path record(Path dir, int steps, String agent, int rate, int memoryLength, String fileName) {
        Path file = dir.resolve(fileName);
        AtomicInteger seen = new AtomicInteger();
        RunListener counter = new RunListener() {
            @Override
            public void onStep(StepEvent event) {
                seen.incrementAndGet();
            }
        };
        RunSettings settings = new RunSettings(null, SceneRef.DEFAULT, 7, 1, 3, memoryLength, ProjectPaths.defaultEncoderManifest(),
                file, agent, rate);
        new NavigationRun(settings).execute(RunListener.all(RecordingListener.open(file), counter), () -> seen.get() >= steps);
        return file;
    }
}
