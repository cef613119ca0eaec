package org.memnav.app.cli;

import org.memnav.app.session.ProjectPaths;
import org.memnav.simbridge.client.SimEndpoint;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Python sim-bridge server module ({@code python -m memnav_bridge.<module> --port 0 ...}) run as a
 * child process from {@code sim-bridge/python}; it is ready once it prints its address.
 */
final class PythonBridgeProcess implements AutoCloseable {
    private static final Pattern ADDRESS = Pattern.compile("tcp://([0-9.]+):(\\d+)");

    private final Process process;
    private final SimEndpoint endpoint;

    private PythonBridgeProcess(Process process, SimEndpoint endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    static PythonBridgeProcess start(Path python, String module, List<String> args) throws IOException {
        Path packageRoot = ProjectPaths.home().resolve("sim-bridge/python");
        if (!Files.isDirectory(packageRoot.resolve("memnav_bridge"))) {
            throw new IOException("the Python bridge package is not at " + packageRoot);
        }
        if (!Files.isExecutable(python)) {
            throw new IOException("no Python at " + python + " (it needs numpy: apt-get install -y python3-numpy)");
        }
        List<String> command = new ArrayList<>(List.of(python.toString(), "-m", "memnav_bridge." + module, "--port", "0"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(packageRoot.toFile()).redirectErrorStream(true);
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process process = builder.start();
        CompletableFuture<SimEndpoint> address = new CompletableFuture<>();
        StringBuilder output = new StringBuilder();
        Thread.ofPlatform().daemon().name("python-" + module).start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    Matcher m = ADDRESS.matcher(line);
                    if (m.find()) {
                        address.complete(new SimEndpoint(m.group(1), Integer.parseInt(m.group(2))));
                    } else if (!address.isDone()) {
                        output.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                // The process is gone; the future below reports it.
            }
            address.completeExceptionally(new IOException(output.toString().strip()));
        });
        try {
            return new PythonBridgeProcess(process, address.get(60, TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            Throwable why = e.getCause() == null ? e : e.getCause();
            throw new IOException(String.join(" ", command) + " did not start: " + why.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting " + module, e);
        }
    }

    SimEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
