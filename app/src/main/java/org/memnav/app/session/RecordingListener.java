package org.memnav.app.session;

import org.memnav.inference.agent.Decision;
import org.memnav.inference.agent.FrameEncoder;
import org.memnav.inference.agent.MemoryStats;
import org.memnav.inference.agent.StepEvent;
import org.memnav.inference.memory.MemoryFrame;
import org.memnav.inference.memory.FrameMemory;
import org.memnav.inference.strategy.MemoryEvent;
import org.memnav.recordings.MemoryOperation;
import org.memnav.recordings.PolicyDecision;
import org.memnav.recordings.RunConfig;
import org.memnav.recordings.RunRecorder;
import org.memnav.recordings.RunRecorderOptions;
import org.memnav.recordings.TokenTensor;
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
 * Records a run to MCAP: config (models, memory length, compression rate, seed, scene), poses, actions,
 * subtask start/end with metrics, RGB and depth every {@value #FRAMES_EVERY_N_STEPS} steps, and at decision
 * points the decision, the encoder's tokens, the tokens written to memory and every memory operation (with the
 * memory strategies' tool calls, skips and triggers), and the memory tiers of a tiered strategy when they change.
 * Several episodes share one file on one step clock: each episode continues the step count of the one
 * before, so log times stay monotonic.
 */
public final class RecordingListener implements RunListener {

    static final int FRAMES_EVERY_N_STEPS = 10;

    private final Path file;
    private RunContext context;
    private RunRecorder recorder;
    private EpisodeSpec episode;
    private int stepOffset;
    private int lastStep;
    private MemoryStats lastMemory;

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
                RunSettings s = context.settings();
                Map<String, String> settings = new LinkedHashMap<>();
                settings.put("agent", s.agent());
                settings.put("simulator", context.simulatorAddress());
                settings.put("scene_ref", s.sceneRef());
                settings.put("episodes", Integer.toString(s.episodes()));
                settings.put("subtasks", Integer.toString(s.subtasks()));
                RunConfig config = RunConfig.forEpisode(spec, Map.of("encoder", context.encoderModel()),
                                context.executionProvider())
                        .withMemory(s.memoryLength(), s.rate())
                        .withSettings(settings);
                recorder = RunRecorder.create(file, config, RunRecorderOptions.defaults()
                        .withRgbEvery(FRAMES_EVERY_N_STEPS).withDepthEvery(FRAMES_EVERY_N_STEPS));
                stepOffset = 0;
            } else {
                stepOffset = lastStep + 1;
                if (lastMemory != null && lastMemory.frames() > 0) {
                    // The agent starts every episode with an empty memory.
                    recorder.recordMemoryOperation(new MemoryOperation(stepOffset, MemoryOperation.Kind.CLEAR, -1, -1,
                            lastMemory.tokens(), lastMemory.bytes(), 0, 0));
                }
            }
            lastMemory = null;
            recorder.recordEpisodeStarted(spec.episodeId());
            int step = stepOffset + first.step();
            recorder.recordPose(step, first.pose(), first.collided());
            if (first.rgb() != null) {
                recorder.recordRgb(step, first.rgb()); // every episode's first view, whatever the cadence
            }
            if (first.depth() != null) {
                recorder.recordDepth(step, first.depth());
            }
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
        int actedAt = Math.max(stepOffset, step - 1); // the agent decided on the observation before this step's action
        try {
            recorder.recordAction(step, event.action());
            recorder.recordObservation(shifted(obs, step));
            if (event.decision() != null) {
                recorder.recordDecision(decision(event.decision()));
            }
            FrameEncoder.EncodedFrame encoded = event.encoded();
            if (encoded != null) {
                recorder.recordEncoderTokens(actedAt, new TokenTensor(encoded.tokens(), encoded.dim(), encoded.data()),
                        encoded.latencyMs());
            }
            recordMemory(step, event);
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

    /**
     * The step's memory operations as the agent's memory strategy reported them (writes, skips, tool calls,
     * triggers) and its tiers when they changed; for agents that report only a frame write, that write and the
     * eviction it caused, or a clear the memory counts show.
     */
    private void recordMemory(int step, StepEvent event) throws IOException {
        MemoryStats after = event.memory();
        FrameMemory.WriteResult write = event.memoryWrite();
        if (event.tiers() != null) {
            recorder.recordMemoryTiers(MemoryRecords.tiers(stepOffset, event.tiers()));
        }
        if (!event.memoryEvents().isEmpty()) {
            for (MemoryEvent e : event.memoryEvents()) {
                recorder.recordMemoryOperation(MemoryRecords.operation(step, stepOffset, e));
                if (e.kind() == MemoryEvent.Kind.WRITE) {
                    MemoryFrame written = e.frame();
                    recorder.recordCompressedTokens(stepOffset + written.step(),
                            new TokenTensor(written.tokens(), written.dim(), written.data()));
                }
            }
        } else if (write != null) {
            MemoryFrame written = write.written();
            MemoryFrame evicted = write.evicted();
            if (evicted != null) {
                recorder.recordMemoryOperation(new MemoryOperation(step, MemoryOperation.Kind.EVICT, evicted.id(),
                        stepOffset + evicted.step(), evicted.tokens(), evicted.bytes(), after.frames() - 1,
                        after.bytes() - written.bytes()));
            }
            recorder.recordMemoryOperation(new MemoryOperation(step, MemoryOperation.Kind.WRITE, written.id(),
                    stepOffset + written.step(), written.tokens(), written.bytes(), after.frames(), after.bytes()));
            recorder.recordCompressedTokens(stepOffset + written.step(),
                    new TokenTensor(written.tokens(), written.dim(), written.data()));
        } else if (lastMemory != null && after != null && after.frames() < lastMemory.frames()) {
            // Frames went without a write: the agent cleared its memory (e.g. a new subtask when not lifelong).
            recorder.recordMemoryOperation(new MemoryOperation(step, MemoryOperation.Kind.CLEAR, -1, -1,
                    lastMemory.tokens() - after.tokens(), lastMemory.bytes() - after.bytes(), after.frames(), after.bytes()));
        }
        lastMemory = after;
    }

    private PolicyDecision decision(Decision d) {
        return PolicyDecisions.of(d, stepOffset);
    }

    /** The observation on the recording's continuous step clock. */
    private static Observation shifted(Observation o, int step) {
        return new Observation(step, o.pose(), o.collided(), o.rgb(), o.depth(), o.semantic(), o.status());
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
