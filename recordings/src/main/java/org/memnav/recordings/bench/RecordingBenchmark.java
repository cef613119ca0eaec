package org.memnav.recordings.bench;

import org.memnav.recordings.RunRecorder;
import org.memnav.recordings.RunRecorderOptions;
import org.memnav.recordings.RunTopics;
import org.memnav.recordings.mcap.CacheStats;
import org.memnav.recordings.mcap.McapChunkIndex;
import org.memnav.recordings.mcap.McapReaderOptions;
import org.memnav.recordings.playback.LatestSamples;
import org.memnav.recordings.query.ChannelInfo;
import org.memnav.recordings.query.FileEpisodeSource;
import org.memnav.recordings.query.TimeRange;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * {@code memnav bench recordings}: writes a generated run ({@link SyntheticRun}: RGB and depth every 10 steps,
 * ViT-tiny-sized tokens at every 15th step, all run channels) and measures write throughput, file size per step
 * against the raw data, random seek latency (latest-at on every channel at a random moment, as a player's seek
 * does) with a fresh reader and a fixed cache budget, sequential playback (one snapshot of every channel per
 * step, built as {@link LatestSamples} builds the playback engine's) and the memory the reader holds.
 */
public final class RecordingBenchmark {

    /** What to run. {@code framePool}: distinct frames/token sets cycled through (generated before timing). */
    public record Settings(int steps, int seeks, long cacheBudgetBytes, int playbackSteps, int framePool, long seed,
                           Path file) {
        public Settings {
            if (steps < 100 || seeks < 1 || cacheBudgetBytes < 0 || playbackSteps < 0 || framePool < 1) {
                throw new IllegalArgumentException("steps must be >= 100, seeks >= 1, playback steps >= 0, frame pool >= 1");
            }
        }
    }

    /**
     * The figures of one run.
     *
     * @param rawBytes           what the streams are before any encoding: RGB 3 B/px, depth float32, tokens float32,
     *                           JSON text as written
     * @param seekMedianMs       latest-at on all {@code channels} at one random moment, median over {@code seeks}
     * @param seekCpuMedianMs    the same seeks' CPU time on the seeking thread: what the reader costs, without waiting
     *                           for a core on a busy machine or for the garbage collector
     * @param playbackStepsPerS  one snapshot of every channel per step, in order, from a fresh reader
     * @param heapAfterSeeksBytes heap in use after a GC following the seeks (reader open, cache full)
     */
    public record Report(int steps, double writeSeconds, double writeStepsPerS, double writeMbPerS, long fileBytes,
                         long uncompressedRecordBytes, long rawBytes, int chunks, int channels, int seeks,
                         double seekMedianMs, double seekP99Ms, double seekMaxMs, double seekCpuMedianMs,
                         double seekCpuP99Ms, double singleQueryMedianMs,
                         long cacheBudgetBytes, long cachePeakBytes, long heapAfterSeeksBytes, int playbackSteps,
                         double playbackSeconds, double playbackStepsPerS, long playbackCachePeakBytes, int cores,
                         String javaVersion) {
        public double fileBytesPerStep() {
            return fileBytes / (double) steps;
        }

        public double rawBytesPerStep() {
            return rawBytes / (double) steps;
        }

        public double fileToRawRatio() {
            return fileBytes / (double) rawBytes;
        }
    }

    private final Settings settings;
    private final Consumer<String> progress;

    public RecordingBenchmark(Settings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    public Report run() throws IOException {
        SyntheticRun.Shape shape = SyntheticRun.Shape.appLike(settings.steps(), settings.seed());
        SyntheticRun run = new SyntheticRun(shape, settings.framePool());
        progress.accept("generating " + settings.framePool() + " frames and token sets (not timed)");
        run.preparePool();

        progress.accept("writing " + settings.steps() + " steps to " + settings.file());
        long t0 = System.nanoTime();
        Map<String, Long> payload;
        try (RunRecorder recorder = RunRecorder.create(settings.file(), run.config(),
                RunRecorderOptions.defaults().withRgbEvery(shape.framesEvery()).withDepthEvery(shape.framesEvery()))) {
            run.recordAll(recorder);
            payload = recorder.payloadBytesByTopic();
        }
        double writeSeconds = (System.nanoTime() - t0) / 1e9;
        long fileBytes = Files.size(settings.file());
        long rawBytes = rawBytes(shape, payload);

        progress.accept("seeking " + settings.seeks() + " times");
        McapReaderOptions readerOptions = McapReaderOptions.defaults().withCacheBudget(settings.cacheBudgetBytes());
        double[] seekMs = new double[settings.seeks()];
        double[] seekCpuMs = new double[settings.seeks()];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Double> singleMs = new ArrayList<>();
        long uncompressed;
        int chunks;
        int channels;
        CacheStats seekCache;
        long heapAfterSeeks;
        try (FileEpisodeSource source = FileEpisodeSource.open(settings.file(), readerOptions)) {
            uncompressed = source.reader().chunkIndexes().stream().mapToLong(McapChunkIndex::uncompressedSize).sum();
            chunks = source.reader().chunkIndexes().size();
            List<String> topics = source.channels().stream().map(ChannelInfo::topic).distinct().toList();
            channels = topics.size();
            TimeRange range = source.timeRange().orElseThrow();
            Random random = new Random(settings.seed());
            for (int i = 0; i < settings.seeks(); i++) {
                long t = range.startNs() + (long) (random.nextDouble() * (range.durationNs() + 1));
                long c0 = threads.getCurrentThreadCpuTime();
                long s0 = System.nanoTime();
                for (String topic : topics) {
                    long q0 = System.nanoTime();
                    source.latestAt(topic, t);
                    singleMs.add((System.nanoTime() - q0) / 1e6);
                }
                seekMs[i] = (System.nanoTime() - s0) / 1e6;
                seekCpuMs[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
            }
            seekCache = source.cacheStats();
            heapAfterSeeks = heapInUse();
        }

        int playbackSteps = Math.min(settings.playbackSteps(), settings.steps());
        progress.accept("playing " + playbackSteps + " steps in order");
        double playbackSeconds;
        CacheStats playbackCache;
        try (FileEpisodeSource source = FileEpisodeSource.open(settings.file(), readerOptions)) {
            List<String> topics = source.channels().stream().map(ChannelInfo::topic).distinct().toList();
            LatestSamples snapshot = new LatestSamples(); // what PlaybackEngine does for every frame it shows
            long p0 = System.nanoTime();
            for (int step = 0; step < playbackSteps; step++) {
                snapshot.at(source, topics, source.timeline().logTimeOf(step));
            }
            playbackSeconds = (System.nanoTime() - p0) / 1e9;
            playbackCache = source.cacheStats();
        }

        Arrays.sort(seekMs);
        Arrays.sort(seekCpuMs);
        double[] single = singleMs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Report(settings.steps(), writeSeconds, settings.steps() / writeSeconds, fileBytes / 1e6 / writeSeconds,
                fileBytes, uncompressed, rawBytes, chunks, channels, settings.seeks(), percentile(seekMs, 0.5),
                percentile(seekMs, 0.99), seekMs[seekMs.length - 1], percentile(seekCpuMs, 0.5), percentile(seekCpuMs, 0.99),
                percentile(single, 0.5), settings.cacheBudgetBytes(),
                seekCache.peakBytes(), heapAfterSeeks, playbackSteps, playbackSeconds,
                playbackSeconds == 0 ? 0 : playbackSteps / playbackSeconds, playbackCache.peakBytes(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    }

    /** Frames and tokens as raw arrays, JSON channels as the text written. */
    private static long rawBytes(SyntheticRun.Shape shape, Map<String, Long> payload) {
        long frames = (shape.steps() + shape.framesEvery() - 1) / shape.framesEvery();
        long decisions = (shape.steps() + shape.decisionEvery() - 1) / shape.decisionEvery();
        long pixels = (long) shape.width() * shape.height();
        long raw = frames * pixels * 3 + frames * pixels * Float.BYTES
                + 2 * decisions * (long) shape.tokens() * shape.tokenDim() * Float.BYTES;
        for (String topic : List.of(RunTopics.CONFIG, RunTopics.POSE, RunTopics.ACTION, RunTopics.SUBTASK,
                RunTopics.SUBTASK_METRICS, RunTopics.MEMORY_OPS, RunTopics.DECISION)) {
            raw += payload.getOrDefault(topic, 0L);
        }
        return raw;
    }

    private static double percentile(double[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static long heapInUse() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
