package org.memnav.app.cli;

import org.memnav.recordings.bench.RecordingBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code memnav bench recordings}: write, seek and playback figures on a generated 100,000-step recording. */
@Command(name = "recordings", mixinStandardHelpOptions = true,
        description = "Write a generated run (RGB and depth every 10 steps, 256x128 tokens at every 15th step, all run "
                + "channels) and measure write throughput, file size per step vs raw, random seek latency (latest-at on "
                + "every channel at a random moment), sequential playback and reader memory. Targets: seek median < 5 ms, "
                + "p99 < 16 ms. Needs about 3 GB of disk; not part of ./memnav test.")
public final class BenchRecordingsCommand implements Callable<Integer> {

    private static final double MIB = 1024 * 1024;

    @Spec
    CommandSpec spec;

    @Option(names = "--steps", description = "Steps to record (default: ${DEFAULT-VALUE}).")
    int steps = 100_000;

    @Option(names = "--seeks", description = "Random seeks to time (default: ${DEFAULT-VALUE}).")
    int seeks = 1_000;

    @Option(names = "--cache-mib", description = "Reader cache budget in MiB (default: ${DEFAULT-VALUE}).")
    long cacheMib = 256;

    @Option(names = "--playback-steps", description = "Steps to play in order (default: all recorded steps).")
    Integer playbackSteps;

    @Option(names = "--frame-pool", description = "Distinct generated frames cycled through (default: ${DEFAULT-VALUE}).")
    int framePool = 64;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where to write the recording (default: a temporary folder).")
    Path dir;

    @Option(names = "--keep", description = "Keep the recording afterwards.")
    boolean keep;

    @Option(names = "--seed", description = "Seed of the generated run and the seek times (default: ${DEFAULT-VALUE}).")
    long seed = 7;

    @Option(names = "--json", description = "Print a one-line JSON summary as the last line.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Path folder = dir == null ? Files.createTempDirectory("memnav-bench-recordings") : Files.createDirectories(dir);
        Path file = folder.resolve("bench-" + steps + ".mcap");
        PrintWriter err = spec.commandLine().getErr();
        RecordingBenchmark.Report r;
        try {
            r = new RecordingBenchmark(new RecordingBenchmark.Settings(steps, seeks, cacheMib * 1024 * 1024,
                    playbackSteps == null ? steps : playbackSteps, framePool, seed, file), line -> {
                        err.println("memnav: " + line);
                        err.flush();
                    }).run();
        } finally {
            if (!keep) {
                Files.deleteIfExists(file);
                if (dir == null) {
                    Files.deleteIfExists(folder);
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        TextTable table = new TextTable("measure", "value", "unit");
        table.row("write throughput", f0(r.writeStepsPerS()), "steps/s")
                .row("write throughput (file bytes)", f1(r.writeMbPerS()), "MB/s")
                .row("file size per step", f1(r.fileBytesPerStep() / 1e3), "KB")
                .row("raw data per step (RGB, depth, float32 tokens, JSON)", f1(r.rawBytesPerStep() / 1e3), "KB")
                .row("file / raw", f2(r.fileToRawRatio()), "ratio")
                .row("seek: latest-at on " + r.channels() + " channels, median of " + r.seeks(), f2(r.seekMedianMs()), "ms")
                .row("seek p99 (target < 16 ms)", f2(r.seekP99Ms()), "ms")
                .row("seek max", f2(r.seekMaxMs()), "ms")
                .row("seek CPU time on the seeking thread, median / p99", f2(r.seekCpuMedianMs()) + " / " + f2(r.seekCpuP99Ms()), "ms")
                .row("one latest-at query, median", f3(r.singleQueryMedianMs()), "ms")
                .row("sequential playback (every channel, every step)", f0(r.playbackStepsPerS()), "steps/s")
                .row("  = times real time (10 steps/s)", f0(r.playbackStepsPerS() / 10), "x")
                .row("reader cache budget", f0(r.cacheBudgetBytes() / MIB), "MiB")
                .row("reader cache peak (seeks / playback)", f0(r.cachePeakBytes() / MIB) + " / "
                        + f0(r.playbackCachePeakBytes() / MIB), "MiB")
                .row("JVM heap in use after the seeks (after GC)", f0(r.heapAfterSeeksBytes() / MIB), "MiB");
        out.print(table.render());
        out.printf(Locale.ROOT, "%n%d steps in %.1f s; file %.1f MB in %d chunks (%.1f MB before zstd); %d cores; Java %s; "
                        + "load average %s%s%n", r.steps(), r.writeSeconds(), r.fileBytes() / 1e6, r.chunks(),
                r.uncompressedRecordBytes() / 1e6, r.cores(), r.javaVersion(), LoadAverage.now(), keep ? "; kept " + file : "");
        if (json) {
            new JsonReport().put("steps", r.steps()).put("write_s", r.writeSeconds()).put("write_steps_per_s", r.writeStepsPerS())
                    .put("write_mb_per_s", r.writeMbPerS()).put("file_bytes", r.fileBytes())
                    .put("file_bytes_per_step", r.fileBytesPerStep()).put("raw_bytes_per_step", r.rawBytesPerStep())
                    .put("file_to_raw_ratio", r.fileToRawRatio()).put("uncompressed_record_bytes", r.uncompressedRecordBytes())
                    .put("chunks", r.chunks()).put("channels", r.channels()).put("seeks", r.seeks())
                    .put("seek_median_ms", r.seekMedianMs()).put("seek_p99_ms", r.seekP99Ms()).put("seek_max_ms", r.seekMaxMs())
                    .put("seek_cpu_median_ms", r.seekCpuMedianMs()).put("seek_cpu_p99_ms", r.seekCpuP99Ms())
                    .put("single_query_median_ms", r.singleQueryMedianMs())
                    .put("playback_steps", r.playbackSteps()).put("playback_steps_per_s", r.playbackStepsPerS())
                    .put("cache_budget_bytes", r.cacheBudgetBytes()).put("cache_peak_bytes", r.cachePeakBytes())
                    .put("playback_cache_peak_bytes", r.playbackCachePeakBytes())
                    .put("heap_after_seeks_bytes", r.heapAfterSeeksBytes()).put("cores", r.cores())
                    .put("java", r.javaVersion()).printTo(out);
        }
        out.flush();
        return 0;
    }

    private static String f0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
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
