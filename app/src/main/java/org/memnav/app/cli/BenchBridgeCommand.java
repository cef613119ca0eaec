package org.memnav.app.cli;

import org.memnav.simbridge.bench.BridgeBenchmark;
import org.memnav.simbridge.bench.RoundTrips;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code memnav bench bridge}: the sim-bridge against raw loopback TCP, measured in one run. The server
 * serves pre-made frames so that rendering does not count; the bytes per step are real observations.
 */
@Command(name = "bridge", mixinStandardHelpOptions = true,
        description = "Measure the sim-bridge over loopback: step round trips carrying RGB + float32 depth observations "
                + "(default 640x480) through SimClient and SimServer (and, with --python, the Python server), small-request "
                + "round trips, and raw TCP moving the same bytes in the same run (ratios). The servers send pre-made "
                + "frames, so rendering does not count. Not part of ./memnav test.")
public final class BenchBridgeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--width", description = "Observation width in pixels (default: ${DEFAULT-VALUE}).")
    int width = 640;

    @Option(names = "--height", description = "Observation height in pixels (default: ${DEFAULT-VALUE}).")
    int height = 480;

    @Option(names = "--steps", description = "Measured steps (default: ${DEFAULT-VALUE}).")
    int steps = 2000;

    @Option(names = "--warmup", description = "Unmeasured steps first, so the JIT has compiled the paths measured "
            + "(default: ${DEFAULT-VALUE}; with a few hundred the JIT is still compiling and the figures come out up to 2x slower).")
    int warmup = 1000;

    @Option(names = "--small-requests", description = "Measured get_agent_state round trips (default: ${DEFAULT-VALUE}).")
    int smallRequests = 3000;

    @Option(names = "--python", description = "Also measure the Python server (sim-bridge/python, numpy) with the same "
            + "frames: python -m memnav_bridge.fixedframe, started as a child process.")
    boolean python;

    @Option(names = "--python-exe", paramLabel = "PYTHON", description = "Python with numpy for --python (default: ${DEFAULT-VALUE}).")
    Path pythonExe = Path.of("/usr/bin/python3");

    @Option(names = "--json", description = "Print a one-line JSON summary as the last line.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        BridgeBenchmark benchmark = new BridgeBenchmark(width, height, steps, warmup, smallRequests);
        List<BridgeBenchmark.Result> results = new ArrayList<>();
        results.add(benchmark.runJavaServer());
        if (python) {
            try (PythonBridgeProcess server = PythonBridgeProcess.start(pythonExe, "fixedframe",
                    List.of("--width", Integer.toString(width), "--height", Integer.toString(height)))) {
                results.add(benchmark.run(server.endpoint(), "python BridgeServer"));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        TextTable table = new TextTable("server", "measure", "bridge", "raw loopback", "bridge / raw");
        for (BridgeBenchmark.Result r : results) {
            addRows(table, r);
        }
        out.print(table.render());
        out.printf(Locale.ROOT, "%n%dx%d rgb+depth frames of %s MB; %d steps (+%d warm-up), %d small requests per server; "
                        + "raw loopback measured in the same run; %d cores; load average %s%n", width, height,
                mb(results.get(0).stepResponseBytes()), steps, warmup, smallRequests, Runtime.getRuntime().availableProcessors(),
                LoadAverage.now());
        if (json) {
            JsonReport report = new JsonReport().put("width", width).put("height", height)
                    .put("frame_bytes", results.get(0).stepResponseBytes()).put("steps", steps);
            for (BridgeBenchmark.Result r : results) {
                String p = r == results.get(0) ? "" : "python_";
                report.put(p + "bridge_mb_per_s", r.bridgeBytesPerS() / 1e6)
                        .put(p + "raw_stream_mb_per_s", r.rawStreamBytesPerS() / 1e6)
                        .put(p + "raw_request_response_mb_per_s", r.rawRequestResponseBytesPerS() / 1e6)
                        .put(p + "ratio_to_raw_stream", r.ratioToRawStream())
                        .put(p + "ratio_to_raw_request_response", r.ratioToRawRequestResponse())
                        .put(p + "step_rtt_median_ms", r.steps().medianMs()).put(p + "step_rtt_p99_ms", r.steps().p99Ms())
                        .put(p + "recycled_bridge_mb_per_s", r.recycledBytesPerS() / 1e6)
                        .put(p + "recycled_ratio_to_raw_stream", r.recycledRatioToRawStream())
                        .put(p + "recycled_ratio_to_raw_request_response", r.recycledRatioToRawRequestResponse())
                        .put(p + "recycled_step_rtt_median_ms", r.recycledSteps().medianMs())
                        .put(p + "recycled_step_rtt_p99_ms", r.recycledSteps().p99Ms())
                        .put(p + "raw_step_rtt_median_ms", r.rawRequestResponse().medianMs())
                        .put(p + "small_request_rtt_median_ms", r.smallRequests().medianMs())
                        .put(p + "raw_ping_rtt_median_ms", r.rawPing().medianMs())
                        .put(p + "protocol_overhead_ms", r.smallRequestOverheadMs());
            }
            report.put("cores", Runtime.getRuntime().availableProcessors()).printTo(out);
        }
        out.flush();
        return 0;
    }

    private void addRows(TextTable table, BridgeBenchmark.Result r) {
        String who = r.server();
        addStepRows(table, r, r.steps(), "step " + width + "x" + height + " rgb+depth, MB/s", "step round trip");
        addStepRows(table, r, r.recycledSteps(), "step, recycled buffers, MB/s", "step round trip, recycled buffers");
        table.row(who, "small request (get_agent_state), median ms", f3(r.smallRequests().medianMs()),
                        f3(r.rawPing().medianMs()), "+" + f3(r.smallRequestOverheadMs()) + " ms")
                .row(who, "small request, p99 ms", f3(r.smallRequests().p99Ms()), f3(r.rawPing().p99Ms()),
                        "+" + f3(r.smallRequests().p99Ms() - r.rawPing().p99Ms()) + " ms");
    }

    /** Throughput against both raw figures and round-trip median/p99 of one way of receiving steps. */
    private static void addStepRows(TextTable table, BridgeBenchmark.Result r, RoundTrips trips, String throughput, String roundTrip) {
        String who = r.server();
        double mbPerS = r.bytesPerS(trips) / 1e6;
        RoundTrips raw = r.rawRequestResponse();
        table.row(who, throughput, f1(mbPerS), f1(r.rawStreamBytesPerS() / 1e6) + " streaming", f2(mbPerS * 1e6 / r.rawStreamBytesPerS()))
                .row(who, "same, vs raw request/response, MB/s", f1(mbPerS), f1(r.rawRequestResponseBytesPerS() / 1e6),
                        f2(mbPerS * 1e6 / r.rawRequestResponseBytesPerS()))
                .row(who, roundTrip + ", median ms", f3(trips.medianMs()), f3(raw.medianMs()), f2(trips.medianMs() / raw.medianMs()))
                .row(who, roundTrip + ", p99 ms", f3(trips.p99Ms()), f3(raw.p99Ms()), f2(trips.p99Ms() / raw.p99Ms()));
    }

    private static String mb(long bytes) {
        return f2(bytes / 1e6);
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
