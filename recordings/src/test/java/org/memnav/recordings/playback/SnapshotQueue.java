package org.memnav.recordings.playback;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.fail;

/** A listener that keeps every snapshot and lets a test wait for one that matches, or hold the engine up. */
final class SnapshotQueue implements PlaybackListener {
    private final BlockingQueue<PlaybackSnapshot> snapshots = new LinkedBlockingQueue<>();
    private final List<PlaybackSnapshot> all = new ArrayList<>();
    private volatile CountDownLatch gate;

    @Override
    public void onSnapshot(PlaybackSnapshot snapshot) {
        CountDownLatch g = gate;
        if (g != null) {
            try {
                g.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        snapshots.add(snapshot);
    }

    /** The next snapshot delivery blocks until {@link #open()}: commands queue up meanwhile. */
    void hold() {
        gate = new CountDownLatch(1);
    }

    void open() {
        CountDownLatch g = gate;
        gate = null;
        if (g != null) {
            g.countDown();
        }
    }

    /** Waits (up to 10 s) for a snapshot matching {@code condition}, skipping others. */
    PlaybackSnapshot await(String what, Predicate<PlaybackSnapshot> condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try {
                PlaybackSnapshot s = snapshots.poll(50, TimeUnit.MILLISECONDS);
                if (s != null) {
                    all.add(s);
                    if (condition.test(s)) {
                        return s;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        fail("no snapshot with " + what + " within 10 s; last ones: " + all.subList(Math.max(0, all.size() - 3), all.size()));
        return null;
    }

    /** Every snapshot taken off the queue so far, in order. */
    List<PlaybackSnapshot> seen() {
        return all;
    }
}
