package org.memnav.recordings.playback;

/**
 * Receives snapshots on the playback engine's thread; a JavaFX view hands them to its own thread
 * ({@code Platform.runLater}). Must not block: the engine waits for it before the next frame.
 */
@FunctionalInterface
public interface PlaybackListener {
    void onSnapshot(PlaybackSnapshot snapshot);
}
