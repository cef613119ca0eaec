package org.memnav.app.ui;

/** Where long work runs, so it never blocks the FX thread; tests substitute their own. */
public interface TaskExecutor extends AutoCloseable {

    void execute(String name, Runnable task);

    @Override
    void close();
}
