package org.memnav.renderers.gl;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The single thread that owns a GL context. An OpenGL context is current on one thread at a
 * time, so every GL call is marshalled here and the caller waits for the result.
 */
final class GlThread implements AutoCloseable {

    private final ExecutorService executor;
    private volatile Thread thread;

    GlThread(String name) {
        executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true); // a forgotten renderer must not keep the JVM alive
            thread = t;
            return t;
        });
    }

    /** Runs the task on the GL thread and returns its result, rethrowing what it threw. */
    <T> T call(Callable<T> task) {
        if (Thread.currentThread() == thread) {
            return runHere(task);
        }
        Future<T> future;
        try {
            future = executor.submit(task);
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("the GL thread has stopped", e);
        }
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw rethrowable(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the GL thread", e);
        }
    }

    void run(Runnable task) {
        call(() -> {
            task.run();
            return null;
        });
    }

    /** Stops the thread after the tasks already queued have run. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> T runHere(Callable<T> task) {
        try {
            return task.call();
        } catch (Exception e) {
            throw rethrowable(e);
        }
    }

    private static RuntimeException rethrowable(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }
}
