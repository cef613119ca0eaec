package org.memnav.app.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Runs tasks one at a time on a daemon thread, so a closing window never waits on a run. */
public final class BackgroundTaskExecutor implements TaskExecutor {

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "memnav-background");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void execute(String name, Runnable task) {
        executor.execute(() -> {
            Thread.currentThread().setName("memnav-" + name);
            task.run();
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
