package org.memnav.recordings.mcap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.memnav.recordings.mcap.MessageAssertions.assertSameMessages;

/** Latest-at and range queries through the chunk index agree with a brute-force filter, touching few chunks. */
class McapTimeQueryTest {
    private static final List<String> TOPICS = List.of(SampleRecording.JSON_TOPIC, SampleRecording.BLOB_TOPIC,
            SampleRecording.SPARSE_TOPIC);

    @TempDir
    Path dir;

    private Path file;
    private SampleRecording sample;

    @BeforeEach
    void write() throws IOException {
        file = dir.resolve("sample.mcap");
        sample = SampleRecording.write(file, McapWriterOptions.defaults().withChunkSize(16 * 1024), 3000, 120);
    }

    @Test
    void latestAtMatchesBruteForceForEveryTopic() throws IOException {
        try (McapReader reader = McapReader.open(file)) {
            assertThat(reader.chunkIndexes()).hasSizeGreaterThan(20);
            Random random = new Random(5);
            long first = SampleRecording.time(0);
            long last = SampleRecording.time(2999);
            for (int i = 0; i < 400; i++) {
                long t = first - 1_000 + (long) (random.nextDouble() * (last - first + 2_000));
                for (String topic : TOPICS) {
                    assertSame(reader.latestAt(topic, t), expectedLatestAt(sample.written, topic, t), topic + " at " + t);
                }
            }
            // Exactly on a message, just before it, before everything and after everything.
            long t = SampleRecording.time(1234);
            assertThat(reader.latestAt(SampleRecording.JSON_TOPIC, t).orElseThrow().logTimeNs()).isEqualTo(t);
            assertThat(reader.latestAt(SampleRecording.JSON_TOPIC, t - 1).orElseThrow().logTimeNs())
                    .isEqualTo(SampleRecording.time(1233));
            assertThat(reader.latestAt(SampleRecording.JSON_TOPIC, first - 1)).isEmpty();
            assertThat(reader.latestAt(SampleRecording.JSON_TOPIC, Long.MAX_VALUE).orElseThrow().logTimeNs()).isEqualTo(last);
            assertThat(reader.latestAt("/no-such-topic", last)).isEmpty();
        }
    }

    @Test
    void rangeMatchesBruteForce() throws IOException {
        try (McapReader reader = McapReader.open(file)) {
            Random random = new Random(8);
            for (int i = 0; i < 60; i++) {
                long from = SampleRecording.time(random.nextInt(3000)) + random.nextInt(3) - 1;
                long to = from + (long) random.nextInt(400) * 100_000_000L;
                for (String topic : TOPICS) {
                    List<SampleRecording.Written> expected = sample.inLogTimeOrder().stream()
                            .filter(w -> w.topic().equals(topic) && w.logTime() >= from && w.logTime() <= to).toList();
                    assertSameMessages(reader.range(topic, from, to).stream().map(SampleRecording::of).toList(), expected);
                }
            }
            assertThat(reader.range(SampleRecording.SPARSE_TOPIC, 0, Long.MAX_VALUE)).hasSize(3000 / 97);
            assertThatThrownBy(() -> reader.range(SampleRecording.JSON_TOPIC, 10, 5))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aSeekDecodesOnlyTheChunkThatHoldsTheAnswer() throws IOException {
        try (McapReader reader = McapReader.open(file)) {
            int chunks = reader.chunkIndexes().size();
            Random random = new Random(3);
            for (int i = 0; i < 50; i++) {
                long t = SampleRecording.time(random.nextInt(3000));
                for (String topic : TOPICS) {
                    long before = reader.cacheStats().chunksDecoded();
                    reader.latestAt(topic, t);
                    long decoded = reader.cacheStats().chunksDecoded() - before;
                    // The sparse topic's latest message may sit one chunk further back than the chunk index says.
                    assertThat(decoded).as("%s at %d of %d chunks", topic, t, chunks).isLessThanOrEqualTo(2);
                }
            }
            // Asking again is served from the cache.
            long t = SampleRecording.time(2000);
            reader.latestAt(SampleRecording.BLOB_TOPIC, t);
            long decoded = reader.cacheStats().chunksDecoded();
            long hits = reader.cacheStats().hits();
            reader.latestAt(SampleRecording.BLOB_TOPIC, t);
            assertThat(reader.cacheStats().chunksDecoded()).isEqualTo(decoded);
            assertThat(reader.cacheStats().hits()).isGreaterThan(hits);
        }
    }

    @Test
    void largeMessagesGetChunksOfTheirOwnSoSmallOnesStayCheapToReach() throws IOException {
        Path mixed = dir.resolve("mixed.mcap");
        SampleRecording written = SampleRecording.write(mixed, McapWriterOptions.defaults().withOwnChunkFromBytes(4096), 300, 5000);
        try (McapReader reader = McapReader.open(mixed)) {
            int blob = reader.channel(SampleRecording.BLOB_TOPIC).orElseThrow().id();
            for (McapChunkIndex chunk : reader.chunkIndexes()) {
                if (chunk.messageIndexOffsets().containsKey(blob)) {
                    assertThat(chunk.messageIndexOffsets()).as("a blob's chunk holds the blob alone").hasSize(1);
                    assertThat(chunk.uncompressedSize()).isLessThan(5000 + 200);
                }
            }
            long t = SampleRecording.time(222);
            assertSame(reader.latestAt(SampleRecording.JSON_TOPIC, t),
                    expectedLatestAt(written.written, SampleRecording.JSON_TOPIC, t), "json");
            assertThat(reader.cacheStats().usedBytes()).as("no blob was decompressed to find a JSON message")
                    .isLessThan(2000);
            assertSame(reader.latestAt(SampleRecording.BLOB_TOPIC, t), expectedLatestAt(written.written, SampleRecording.BLOB_TOPIC, t),
                    "blob");
            assertThat(reader.messages().count()).isEqualTo(written.written.size());
        }
    }

    @Test
    void theCacheStaysWithinItsBudget() throws IOException {
        long budget = 64 * 1024;
        try (McapReader reader = McapReader.open(file, McapReaderOptions.defaults().withCacheBudget(budget))) {
            assertThat(reader.cacheStats().budgetBytes()).isEqualTo(budget);
            Random random = new Random(11);
            for (int i = 0; i < 500; i++) {
                long t = SampleRecording.time(random.nextInt(3000));
                assertThat(reader.latestAt(SampleRecording.BLOB_TOPIC, t)).isPresent();
                assertThat(reader.cacheStats().usedBytes()).isLessThanOrEqualTo(budget);
            }
            CacheStats stats = reader.cacheStats();
            assertThat(stats.peakBytes()).isLessThanOrEqualTo(budget).isGreaterThan(0);
            assertThat(stats.evictions()).isGreaterThan(0);
        }
        try (McapReader noCache = McapReader.open(file, McapReaderOptions.defaults().withCacheBudget(0))) {
            assertSame(noCache.latestAt(SampleRecording.JSON_TOPIC, SampleRecording.time(77)),
                    expectedLatestAt(sample.written, SampleRecording.JSON_TOPIC, SampleRecording.time(77)), "no cache");
            assertThat(noCache.cacheStats().usedBytes()).isZero();
        }
    }

    @Test
    void queriesWorkOnARecoveredTruncatedFile() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.mcap");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        try (McapReader reader = McapReader.open(cut)) {
            assertThat(reader.summaryUsed()).isFalse();
            List<SampleRecording.Written> recovered = reader.messages().map(SampleRecording::of).toList();
            long t = recovered.get(recovered.size() - 1).logTime();
            for (String topic : TOPICS) {
                assertSame(reader.latestAt(topic, t), expectedLatestAt(recovered, topic, t), topic);
            }
            assertThat(reader.range(SampleRecording.JSON_TOPIC, 0, Long.MAX_VALUE))
                    .hasSize((int) recovered.stream().filter(w -> w.topic().equals(SampleRecording.JSON_TOPIC)).count());
        }
    }

    @Test
    void filesOfTheOfficialWriterAnswerTheSameQueries() throws IOException {
        for (String name : List.of("official-zstd.mcap", "official-lz4-linked.mcap", "official-unchunked.mcap",
                "official-unindexed.mcap")) {
            Path fixture = dir.resolve(name);
            try (InputStream in = getClass().getResourceAsStream("/mcap/" + name)) {
                Files.copy(in, fixture);
            }
            try (McapReader reader = McapReader.open(fixture)) {
                List<SampleRecording.Written> all = reader.messages().map(SampleRecording::of).toList();
                for (String topic : Set.of("/numbers", "/raw")) {
                    for (long t = 999_000_000L; t <= 1_300_000_000L; t += 7_000_123L) {
                        assertSame(reader.latestAt(topic, t), expectedLatestAt(all, topic, t), name + " " + topic + " at " + t);
                    }
                    List<SampleRecording.Written> expected = all.stream().filter(w -> w.topic().equals(topic)
                            && w.logTime() >= 1_050_000_000L && w.logTime() <= 1_150_000_000L).toList();
                    assertSameMessages(reader.range(topic, 1_050_000_000L, 1_150_000_000L).stream()
                            .map(SampleRecording::of).toList(), expected);
                }
            }
        }
    }

    @Test
    void aMessageIndexThatPointsAtTheWrongMessageIsReported() throws IOException {
        McapChunkIndex chunk;
        try (McapReader reader = McapReader.open(file)) {
            chunk = reader.chunkIndexes().get(3);
        }
        byte[] bytes = Files.readAllBytes(file);
        long index = chunk.messageIndexOffsets().get(1); // the JSON channel
        bytes[(int) index + 9 + 2 + 4 + 2] ^= 0x10; // first entry's log time
        Path bad = dir.resolve("bad-index.mcap");
        Files.write(bad, bytes);
        try (McapReader reader = McapReader.open(bad)) {
            assertThatThrownBy(() -> {
                for (long t = chunk.messageStartTimeNs(); t <= chunk.messageEndTimeNs(); t += 50_000_000L) {
                    reader.latestAt(SampleRecording.JSON_TOPIC, t);
                }
                reader.range(SampleRecording.JSON_TOPIC, chunk.messageStartTimeNs(), chunk.messageEndTimeNs());
            }).isInstanceOf(McapFormatException.class).hasMessageContaining(bad.toString())
                    .hasMessageContaining("message index");
        }
    }

    static Optional<SampleRecording.Written> expectedLatestAt(List<SampleRecording.Written> written, String topic, long t) {
        SampleRecording.Written best = null;
        for (SampleRecording.Written w : written) { // file order: the last of equal times wins
            if (w.topic().equals(topic) && Long.compareUnsigned(w.logTime(), t) <= 0
                    && (best == null || Long.compareUnsigned(w.logTime(), best.logTime()) >= 0)) {
                best = w;
            }
        }
        return Optional.ofNullable(best);
    }

    static void assertSame(Optional<McapMessage> actual, Optional<SampleRecording.Written> expected, String what) {
        assertThat(actual.isPresent()).as(what).isEqualTo(expected.isPresent());
        actual.ifPresent(m -> assertSameMessages(List.of(SampleRecording.of(m)), List.of(expected.orElseThrow())));
    }
}
