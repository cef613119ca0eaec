package org.memnav.app.ui;

import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Measures the window's responsiveness while a run plays: the interval between JavaFX pulses (a pulse that
 * comes late is a frame the user sees stutter) and the FX-thread time of every update the view-model posts
 * (wrap the view-model's UI-thread executor with {@link #timedUiThread()}). Collect on the FX thread only.
 */
public final class FramePacingProbe {
    private final LongList pulses = new LongList();
    private final LongList updates = new LongList();
    private long lastPulse = -1;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (lastPulse >= 0) {
                pulses.add(now - lastPulse);
            }
            lastPulse = now;
        }
    };

    /** Starts counting pulses (call on the FX thread). */
    public void start() {
        timer.start();
    }

    /** Stops counting (call on the FX thread). */
    public void stop() {
        timer.stop();
    }

    /** Runs each update on the FX thread, timing how long it holds the thread. */
    public Consumer<Runnable> timedUiThread() {
        return task -> Platform.runLater(() -> {
            long start = System.nanoTime();
            try {
                task.run();
            } finally {
                updates.add(System.nanoTime() - start);
            }
        });
    }

    public FrameTimes pulseIntervals() {
        return FrameTimes.of(pulses.toArray());
    }

    public FrameTimes updateTimes() {
        return FrameTimes.of(updates.toArray());
    }

    /** A growable array of longs; no boxing at 60 samples a second. */
    private static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
