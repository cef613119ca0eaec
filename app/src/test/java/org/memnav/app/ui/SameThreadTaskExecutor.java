package org.memnav.app.ui;

/** Runs tasks immediately on the caller's thread, so view-model tests are deterministic. */
final class SameThreadTaskExecutor implements TaskExecutor {

    @Override
    public void execute(String name, Runnable task) {
        task.run();
    }

    @Override
    public void close() {
    }
}
