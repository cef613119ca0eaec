package org.memnav.app.session;

import org.memnav.inference.agent.StepEvent;
import org.memnav.recordings.RunConfig;
import org.memnav.recordings.RunRecorder;
import org.memnav.recordings.RunRecorderOptions;
import org.memnav.simbridge.api.EpisodeSpec;
import org.memnav.simbridge.api.EpisodeStatus;
import org.memnav.simbridge.api.Observation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records a run to MCAP: config, poses, actions, subtask start/end, and RGB every
 * {@value #RGB_EVERY_N_STEPS} steps. Several episodes share one file on one step clock: each episode
 * continues the step count of the one before, so log times stay monotonic.
 */
public final class RecordingListener implements RunListener {

    static final int RGB_EVERY_N_STEPS = 10;

    private final Path file;
    private RunContext context;
    private RunRecorder recorder;
    private EpisodeSpec episode;
    private int stepOffset;
    private int lastStep;

    private RecordingListener(Path file) {
        this.file = file;
    }

    /** Checks that the file can be created before the run starts, so a bad path fails fast. */
    public static RecordingListener open(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder for recording " + file + ": " + e.getMessage(), e);
        }
        return new RecordingListener(file);
    }

    @Override
    public void onRunStart(RunContext runContext) {
        this.context = runContext;
    }

    @Override
    public void onEpisodeStart(EpisodeSpec spec, Observation first) {
        episode = spec;
        try {
            if (recorder == null) {
                Map<String, String> settings = new LinkedHashMap<>();
                settings.put("simulator", context.simulatorAddress());
                settings.put("scene_ref", context.settings().sceneRef());
                settings.put("episodes", Integer.toString(context.settings().episodes()));
                settings.put("memory_length", Integer.toString(context.settings().memoryLength()));
                RunConfig config = RunConfig.forEpisode(spec, Map.of("encoder", context.encoderModel()),
                        context.executionProvider()).withSettings(settings);
                recorder = RunRecorder.create(file, config, RunRecorderOptions.defaults().withRgbEvery(RGB_EVERY_N_STEPS));
                stepOffset = 0;
            } else {
                stepOffset = lastStep + 1;
            }
            int step = stepOffset + first.step();
            recorder.recordPose(step, first.pose(), first.collided());
            recorder.recordRgb(step, first.rgb());
            recorder.recordSubtaskStarted(step, 0, spec.goals().get(0));
            lastStep = step;
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public void onStep(StepEvent event) {
        Observation obs = event.observation();
        int step = stepOffset + obs.step();
        try {
            recorder.recordAction(step, event.action());
            recorder.recordPose(step, obs.pose(), obs.collided());
            if (recorder.rgbDue(step)) {
                recorder.recordRgb(step, obs.rgb());
            }
            EpisodeStatus status = obs.status();
            if (status.lastOutcome() != null) {
                recorder.recordSubtaskEnded(step, status.lastOutcome());
                if (!status.episodeOver()) {
                    recorder.recordSubtaskStarted(step, status.subtaskIndex(), episode.goals().get(status.subtaskIndex()));
                }
            }
            lastStep = step;
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public void onRunEnd() {
        if (recorder == null) {
            return;
        }
        try {
            recorder.close();
        } catch (IOException e) {
            throw failure(e);
        } finally {
            recorder = null;
        }
    }

    private UncheckedIOException failure(IOException e) {
        return new UncheckedIOException("recording " + file + " failed: " + e.getMessage(), e);
    }
}
