package org.memnav.app.replay;

import org.memnav.recordings.ActionSample;
import org.memnav.recordings.MemoryOperation;
import org.memnav.recordings.MemoryTiers;
import org.memnav.recordings.PolicyDecision;
import org.memnav.recordings.PoseSample;
import org.memnav.recordings.RunConfig;
import org.memnav.recordings.RunRecording;
import org.memnav.recordings.SubtaskEvent;
import org.memnav.simbridge.api.RgbImage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A run the workbench shows: its history (small channels, in memory) and its frames (read on demand).
 * {@link #open(Path)} loads a recording; a live run builds one through {@link LiveHistoryListener}.
 */
public record LoadedRun(RunHistory history, FrameSource frames, String title, boolean live) implements AutoCloseable {

    /** Opens an MCAP run recording: small channels into memory, the scene regenerated for the map. */
    public static LoadedRun open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no recording at " + file);
        }
        RunRecording recording = RunRecording.open(file);
        try {
            RunConfig config = recording.config();
            String sceneRef = config.settings().getOrDefault("scene_ref", config.sceneId());
            SceneLayout layout = SceneLayout.load(sceneRef);
            RecordingFrames frames = new RecordingFrames(recording);
            int width = 0;
            int height = 0;
            List<Integer> rgbSteps = recording.rgbSteps();
            if (!rgbSteps.isEmpty()) {
                RgbImage first = frames.rgbAt(rgbSteps.getFirst()).orElseThrow();
                width = first.width();
                height = first.height();
            }
            String agent = config.settings().getOrDefault("agent", "?");
            int subtasks = Integer.parseInt(config.settings().getOrDefault("subtasks", Integer.toString(config.goals().size())));
            String description = String.format("%s · agent %s · rate %dx · memory %d frames · %s%s", file.getFileName(), agent,
                    config.compressionRate(), config.memoryLength(), config.executionProvider(),
                    recording.complete() ? "" : " · recovered (file was cut short)");
            RunHistory history = new RunHistory(layout, new RunHistory.RunSetup(agent, config.compressionRate(),
                    config.memoryLength(), sceneRef, width, height, description));
            // Decisions first so each pose takes the mode of the decision before it.
            List<PolicyDecision> decisions = new ArrayList<>(recording.decisions());
            decisions.sort(Comparator.comparingInt(PolicyDecision::step));
            int d = 0;
            for (PoseSample p : recording.poses()) {
                while (d < decisions.size() && decisions.get(d).step() <= p.step()) {
                    history.addDecision(decisions.get(d++));
                }
                history.addPose(p);
            }
            while (d < decisions.size()) {
                history.addDecision(decisions.get(d++));
            }
            for (ActionSample a : recording.actions()) {
                history.addAction(a.step(), a.action());
            }
            for (MemoryOperation op : recording.memoryOperations()) {
                history.addMemoryOperation(op);
            }
            for (MemoryTiers t : recording.memoryTiers()) {
                history.addMemoryTiers(t);
            }
            for (SubtaskEvent e : recording.subtaskEvents()) {
                history.addSubtaskEvent(e, subtasks);
            }
            if (history.lastStep() < 0) {
                throw new IOException("recording " + file + " has no poses: nothing to show");
            }
            return new LoadedRun(history, frames, "MemNav Workbench — " + file.getFileName() + " (" + config.sceneId() + ")", false);
        } catch (IOException | RuntimeException e) {
            recording.close();
            throw e;
        }
    }

    @Override
    public void close() {
        frames.close();
    }
}
