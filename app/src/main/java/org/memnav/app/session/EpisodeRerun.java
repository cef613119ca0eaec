package org.memnav.app.session;

import org.memnav.inference.agent.StepEvent;
import org.memnav.recordings.ActionSample;
import org.memnav.recordings.RunConfig;
import org.memnav.recordings.RunRecording;
import org.memnav.simbridge.api.Action;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * "Re-run episode from here": a new run of a recording's scene and first lifelong episode in the embedded
 * simulator, with the recording's agent arm created at another compression rate and memory length. Up to
 * {@code fromStep} the recorded actions are executed ({@link ForcedPrefixAgent}: the agent observes and decides
 * every step, so its memory is built from the same observations); from there it acts on its own until the episode
 * ends or {@code stepsAfter} more steps. The same seed and actions give the same observations, so the re-run's
 * poses up to {@code fromStep} are the recording's.
 *
 * @param recording       the recording re-run
 * @param fromStep        the first step the agent acts on its own
 * @param rate            compression rate of the new agent
 * @param memoryLength    memory length of the new agent
 * @param stepsAfter      the most steps run after {@code fromStep}
 * @param encoderManifest the encoder the window runs with
 * @param out             where the re-run is recorded
 */
public record EpisodeRerun(Path recording, int fromStep, int rate, int memoryLength, int stepsAfter, Path encoderManifest,
                           Path out) {

    /** Steps run on the agent's own after the re-run point unless asked otherwise. */
    public static final int DEFAULT_STEPS_AFTER = 1500;

    public EpisodeRerun {
        if (fromStep < 0) {
            throw new IllegalArgumentException("re-run step must be 0 or more, got " + fromStep);
        }
        if (stepsAfter < 1) {
            throw new IllegalArgumentException("a re-run needs at least one step after step " + fromStep + ", got " + stepsAfter);
        }
    }

    /** {@code <name>-rerun-r<rate>-L<len>-from-<step>.mcap} next to the recording, or in the temp folder if that is read-only. */
    public static Path defaultOutput(Path recording, int rate, int memoryLength, int fromStep) {
        String name = recording.getFileName().toString().replaceFirst("\\.mcap$", "");
        String file = String.format("%s-rerun-r%d-L%d-from-%d.mcap", name, rate, memoryLength, fromStep);
        Path folder = recording.toAbsolutePath().getParent();
        if (folder != null && Files.isWritable(folder)) {
            return folder.resolve(file);
        }
        return Path.of(System.getProperty("java.io.tmpdir")).resolve(file);
    }

    /** Runs it, telling {@code progress} each step's number; returns the recording written. */
    public Path execute(IntConsumer progress, BooleanSupplier stopRequested) {
        RunConfig config;
        List<Action> prefix;
        try (RunRecording source = RunRecording.open(recording)) {
            config = source.config();
            prefix = recordedActions(source.actions());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + recording + ": " + e.getMessage(), e);
        }
        Map<String, String> s = config.settings();
        String sceneRef = s.getOrDefault("scene_ref", config.sceneId());
        String agent = s.get("agent");
        if (agent == null) {
            throw new IllegalArgumentException(recording.getFileName() + " does not say which agent arm ran it: cannot re-run");
        }
        int subtasks = Integer.parseInt(s.getOrDefault("subtasks", Integer.toString(config.goals().size())));
        RunSettings settings = new RunSettings(null, sceneRef, config.seed(), 1, subtasks, memoryLength, encoderManifest, out,
                agent, rate);
        int cap = fromStep + stepsAfter;
        AtomicInteger steps = new AtomicInteger();
        RunListener counter = new RunListener() {
            @Override
            public void onStep(StepEvent event) {
                progress.accept(steps.incrementAndGet());
            }
        };
        new NavigationRun(settings, a -> new ForcedPrefixAgent(a, prefix))
                .execute(RunListener.all(RecordingListener.open(out), counter),
                        () -> steps.get() >= cap || stopRequested.getAsBoolean());
        return out;
    }

    /** The actions decided on observations 0 … fromStep − 1 (recorded at the step they led to: 1 … fromStep). */
    private List<Action> recordedActions(List<ActionSample> samples) {
        Map<Integer, Action> byStep = new HashMap<>();
        for (ActionSample a : samples) {
            byStep.put(a.step(), a.action());
        }
        List<Action> prefix = new ArrayList<>(fromStep);
        for (int step = 1; step <= fromStep; step++) {
            Action a = byStep.get(step);
            if (a == null) {
                throw new IllegalArgumentException(String.format(
                        "%s has no action at step %d: a re-run covers the recording's first episode only (steps 0 … %d)",
                        recording.getFileName(), step, step - 1));
            }
            prefix.add(a);
        }
        return prefix;
    }
}
