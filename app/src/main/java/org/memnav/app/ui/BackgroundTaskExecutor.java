package org.memnav.app.ui;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks off the FX thread, one lane (daemon thread) per task name: tasks of one name run in order, so a
 * long live run on the "run" lane never holds up rendering on the "render" lane; a closing window never waits.
 */
public final class BackgroundTaskExecutor implements TaskExecutor {

    private final Map<String, ExecutorService> lanes = new ConcurrentHashMap<>();
    private volatile boolean closed;

    @Override
    public void execute(String name, Runnable task) {
        if (closed) {
            return; // the window is gone: a run finishing late has nothing left to show
        }
        lanes.computeIfAbsent(name, n -> Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "memnav-" + n);
            t.setDaemon(true);
            return t;
        })).execute(task);
    }

    @Override
    public void close() {
        closed = true;
        lanes.values().forEach(ExecutorService::shutdownNow);
        for (ExecutorService lane : lanes.values()) {
            try {
                lane.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
