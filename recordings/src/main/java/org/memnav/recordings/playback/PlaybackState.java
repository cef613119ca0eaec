package org.memnav.recordings.playback;

/** What a {@link PlaybackEngine} is doing. */
public enum PlaybackState {
    /** Paused at a moment (also after reaching the end without loop). */
    IDLE,
    /** Advancing through log time at the set speed. */
    PLAYING,
    /** Finding the state of every channel at a new moment; the next snapshot shows it. */
    SEEKING,
    /** Staying on the newest moment of a run that is still being recorded. */
    FOLLOWING_LIVE
}
