package org.memnav.app.replay;

import org.memnav.app.session.PolicyDecisions;
import org.memnav.app.session.RunContext;
import org.memnav.app.session.RunListener;
import org.memnav.inference.agent.Decision;
import org.memnav.inference.agent.EpisodeResult;
import org.memnav.inference.agent.FrameEncoder;
import org.memnav.inference.agent.MemoryStats;
import org.memnav.inference.agent.StepEvent;
import org.memnav.inference.memory.MemoryFrame;
import org.memnav.inference.memory.FrameMemory;
import org.memnav.inference.strategy.MemoryEvent;
import org.memnav.app.session.MemoryRecords;
import org.memnav.recordings.MemoryOperation;
import org.memnav.recordings.PolicyDecision;
import org.memnav.recordings.PoseSample;
import org.memnav.recordings.SubtaskEvent;
import org.memnav.recordings.TokenTensor;
import org.memnav.simbridge.api.EpisodeSpec;
import org.memnav.simbridge.api.EpisodeStatus;
import org.memnav.simbridge.api.Observation;

import java.util.function.Consumer;

/**
 * Folds a live run into a {@link RunHistory} (the same records a recording holds, on the same continuous step
 * clock across episodes) and keeps recent frames in {@link LiveFrames}, so the workbench scrubs a live run
 * exactly as it scrubs a recording. Called on the run's thread.
 */
public final class LiveHistoryListener implements RunListener {

    private final Consumer<LoadedRun> onStart;
    private final Consumer<StepEvent> onStepDone;
    private final LiveFrames frames = new LiveFrames();
    private RunHistory history;
    private EpisodeSpec episode;
    private int episodeIndex = -1;
    private int stepOffset;
    private int lastStep;
    private MemoryStats lastMemory;
    private Observation previous;

    /** {@code onStart} gets the run once its scene is known; {@code onStepDone} after each step is in the history. */
    public LiveHistoryListener(Consumer<LoadedRun> onStart, Consumer<StepEvent> onStepDone) {
        this.onStart = onStart;
        this.onStepDone = onStepDone;
    }

    @Override
    public void onRunStart(RunContext context) {
        var s = context.settings();
        var sensor = context.capabilities().sensor();
        String description = String.format("live · %s · agent %s · rate %dx · memory %d frames · %s", context.scene().sceneId(),
                s.agent(), s.rate(), s.memoryLength(), context.executionProvider());
        history = new RunHistory(SceneLayout.of(context.scene(), context.navigability()),
                new RunHistory.RunSetup(s.agent(), s.rate(), s.memoryLength(), s.sceneRef(), sensor.width(), sensor.height(),
                        description));
        onStart.accept(new LoadedRun(history, frames, "MemNav Workbench — " + context.scene().sceneId() + " ("
                + context.simulatorAddress() + ")", true));
    }

    @Override
    public void onEpisodeStart(EpisodeSpec spec, Observation first) {
        episode = spec;
        episodeIndex++;
        stepOffset = episodeIndex == 0 ? 0 : lastStep + 1;
        if (lastMemory != null && lastMemory.frames() > 0) {
            history.addMemoryOperation(new MemoryOperation(stepOffset, MemoryOperation.Kind.CLEAR, -1, -1, lastMemory.tokens(),
                    lastMemory.bytes(), 0, 0));
        }
        lastMemory = null;
        int step = stepOffset + first.step();
        history.addPose(new PoseSample(step, 0, first.pose(), first.collided()));
        frames.addObservation(step, first.rgb(), first.depth(), first.semantic(), true);
        history.addSubtaskEvent(new SubtaskEvent.Started(step, 0, episodeIndex, spec.episodeId(), 0, spec.goals().get(0)),
                spec.goals().size());
        lastStep = step;
        previous = first;
    }

    @Override
    public void onStep(StepEvent event) {
        Observation obs = event.observation();
        int step = stepOffset + obs.step();
        int actedAt = Math.max(stepOffset, step - 1);
        if (event.decision() != null) {
            history.addDecision(decision(event.decision()));
            if (event.latency() != null && event.latency().policyRuns() > 0) {
                history.addDecisionLatency(stepOffset + event.decision().step(), event.latency().policyMs());
            }
        }
        history.addAction(step, event.action());
        history.addPose(new PoseSample(step, 0, obs.pose(), obs.collided()));
        FrameEncoder.EncodedFrame encoded = event.encoded();
        frames.addObservation(step, obs.rgb(), obs.depth(), obs.semantic(), false);
        if (encoded != null) {
            frames.addTokens(actedAt, new TokenTensor(encoded.tokens(), encoded.dim(), encoded.data()));
            if (previous != null) { // the frame the tokens describe, so a patch heatmap lies over its own image
                frames.addObservation(actedAt, previous.rgb(), previous.depth(), previous.semantic(), true);
            }
        }
        previous = obs;
        memory(step, event);
        EpisodeStatus status = obs.status();
        if (status.lastOutcome() != null) {
            history.addSubtaskEvent(new SubtaskEvent.Ended(step, 0, episodeIndex, episode.episodeId(), status.lastOutcome()),
                    episode.goals().size());
            if (!status.episodeOver()) {
                history.addSubtaskEvent(new SubtaskEvent.Started(step, 0, episodeIndex, episode.episodeId(),
                        status.subtaskIndex(), episode.goals().get(status.subtaskIndex())), episode.goals().size());
            }
        }
        lastStep = step;
        onStepDone.accept(event);
    }

    private void memory(int step, StepEvent event) {
        MemoryStats after = event.memory();
        FrameMemory.WriteResult write = event.memoryWrite();
        if (event.tiers() != null) {
            history.addMemoryTiers(MemoryRecords.tiers(stepOffset, event.tiers()));
        }
        if (!event.memoryEvents().isEmpty()) { // a memory strategy's own account: writes, skips, tool calls, triggers
            for (MemoryEvent e : event.memoryEvents()) {
                history.addMemoryOperation(MemoryRecords.operation(step, stepOffset, e));
            }
        } else if (write != null) {
            MemoryFrame written = write.written();
            MemoryFrame evicted = write.evicted();
            if (evicted != null) {
                history.addMemoryOperation(new MemoryOperation(step, MemoryOperation.Kind.EVICT, evicted.id(),
                        stepOffset + evicted.step(), evicted.tokens(), evicted.bytes(), after.frames() - 1,
                        after.bytes() - written.bytes()));
            }
            history.addMemoryOperation(new MemoryOperation(step, MemoryOperation.Kind.WRITE, written.id(),
                    stepOffset + written.step(), written.tokens(), written.bytes(), after.frames(), after.bytes()));
        } else if (lastMemory != null && after != null && after.frames() < lastMemory.frames()) {
            history.addMemoryOperation(new MemoryOperation(step, MemoryOperation.Kind.CLEAR, -1, -1,
                    lastMemory.tokens() - after.tokens(), lastMemory.bytes() - after.bytes(), after.frames(), after.bytes()));
        }
        lastMemory = after;
    }

    private PolicyDecision decision(Decision d) {
        return PolicyDecisions.of(d, stepOffset);
    }

    @Override
    public void onEpisodeEnd(EpisodeResult result) {
    }
}
