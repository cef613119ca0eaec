package org.memnav.tests.bridge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.memnav.simbridge.client.SimEndpoint;

/**
 * The Python sim-bridge server with the numpy grid world ({@code python -m memnav_bridge.gridworld}),
 * started as a real subprocess on a free port that it reports on its first line of output.
 * The interpreter is {@code /usr/bin/python3} (Debian's, with python3-numpy), or the
 * {@code memnav.python} system property. A missing interpreter or numpy fails the test with a message
 * saying what to install: these tests are never skipped.
 */
final class PythonGridWorldProcess implements BridgeServerUnderTest {
    static final String PYTHON_PROPERTY = "memnav.python";
    static final String DEFAULT_PYTHON = "/usr/bin/python3";
    private static final Pattern ADDRESS = Pattern.compile("tcp://([0-9.]+):(\\d+)");
    private static final long START_TIMEOUT_SECONDS = 60;

    private final Process process;
    private final SimEndpoint endpoint;
    private final StringBuffer stderr;

    private PythonGridWorldProcess(Process process, SimEndpoint endpoint, StringBuffer stderr) {
        this.process = process;
        this.endpoint = endpoint;
        this.stderr = stderr;
    }

    /** Starts the server with a small camera (the suite checks behaviour, not pixels) plus {@code extraArgs}. */
    static PythonGridWorldProcess start(String... extraArgs) {
        Path python = Path.of(System.getProperty(PYTHON_PROPERTY, DEFAULT_PYTHON));
        if (!Files.isExecutable(python)) {
            throw new IllegalStateException("the Python bridge tests need " + python + " (Python 3 with numpy); install it "
                    + "with: apt-get install -y python3 python3-numpy, or point -D" + PYTHON_PROPERTY + "=... at another "
                    + "Python 3 that has numpy");
        }
        List<String> command = new ArrayList<>(List.of(python.toString(), "-m", "memnav_bridge.gridworld", "--port", "0",
                "--width", "96", "--height", "72"));
        command.addAll(List.of(extraArgs));
        ProcessBuilder builder = new ProcessBuilder(command).directory(packageRoot().toFile());
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        builder.environment().put("PYTHONUNBUFFERED", "1");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
        StringBuffer errors = new StringBuffer();
        CompletableFuture<SimEndpoint> address = new CompletableFuture<>();
        pump(process.getInputStream(), "stdout", line -> {
            Matcher m = ADDRESS.matcher(line);
            if (m.find()) {
                address.complete(new SimEndpoint(m.group(1), Integer.parseInt(m.group(2))));
            }
        }, () -> address.completeExceptionally(new IllegalStateException("the server's output ended")));
        pump(process.getErrorStream(), "stderr", line -> errors.append(line).append('\n'), () -> { });
        try {
            return new PythonGridWorldProcess(process, address.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS), errors);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the Python grid-world server (" + String.join(" ", command) + ") did not report "
                    + "its address: " + (errors.isEmpty() ? e.getMessage() : errors.toString().strip())
                    + "\n(the bridge tests need Python 3 with numpy: apt-get install -y python3 python3-numpy)", e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the Python server", e);
        }
    }

    /** {@code sim-bridge/python}, found from the working directory (a module folder or the repository root). */
    static Path packageRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("sim-bridge/python");
            if (Files.isDirectory(candidate.resolve("memnav_bridge"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("sim-bridge/python/memnav_bridge not found above " + Path.of("").toAbsolutePath());
    }

    private static void pump(InputStream in, String name, Consumer<String> onLine, Runnable onEnd) {
        Thread.ofPlatform().daemon().name("python-" + name).start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    onLine.accept(line);
                }
            } catch (IOException e) {
                // The process went away; what was read is all there is.
            } finally {
                onEnd.run();
            }
        });
    }

    @Override
    public SimEndpoint endpoint() {
        return endpoint;
    }

    /** What the server wrote on stderr so far (for failure messages). */
    String stderr() {
        return stderr.toString();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to end by itself; its exit code, or empty when it is still running. */
    OptionalInt awaitExit(long seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS) ? OptionalInt.of(process.exitValue())
                    : OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }

    /** SIGKILL: the process dies without closing anything itself; the kernel resets its sockets. */
    @Override
    public void kill() {
        process.destroyForcibly();
        awaitExit(10);
    }

    /** SIGTERM, which the server handles by closing its connections; SIGKILL if it does not end in time. */
    @Override
    public void close() {
        process.destroy();
        if (awaitExit(10).isEmpty()) {
            kill();
        }
    }
}
