package org.memnav.recordings.mcap;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Coverage-guided fuzzing of the reader with Jazzer: whatever bytes a file holds, opening it, streaming every
 * message, the metadata, latest-at and range queries, CRC verification and a repair either work or raise
 * {@link McapFormatException} naming the file; never another exception, a hang or an out-of-memory (the
 * reader's limits are lowered so a hostile length is refused long before the heap runs out).
 *
 * <p>The default test run replays, deterministically, the seed files and past findings in
 * {@code src/test/resources/.../McapReaderFuzzTestInputs/readerReadsOrRejectsAnyFile/}. Fuzzing proper is on
 * demand, because random exploration has no place in a CI gate: {@code mvn -pl recordings test -Pfuzz}
 * (10 s; {@code JAZZER_MAX_DURATION=10m} for longer). A finding is saved next to the seeds as {@code crash-*}
 * and replayed by every later run.
 */
class McapReaderFuzzTest {
    private static final McapReaderOptions LIMITS = McapReaderOptions.defaults()
            .withCacheBudget(1 << 20).withMaxChunkBytes(4 << 20);
    private static Path dir;
    private static Path input;
    private static Path repaired;

    @BeforeAll
    static void files() throws IOException {
        // Every input is a file; on Linux keep them in memory (tmpfs), where the repair's fsync costs nothing.
        Path shm = Path.of("/dev/shm");
        dir = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "mcap-fuzz")
                : Files.createTempDirectory("mcap-fuzz");
        input = dir.resolve("input.mcap");
        repaired = dir.resolve("repaired.mcap");
    }

    @AfterAll
    static void cleanUp() throws IOException {
        for (Path p : List.of(input, repaired, input.resolveSibling("input.mcap.truncated-tail"))) {
            Files.deleteIfExists(p);
        }
        Files.deleteIfExists(dir);
    }

    @FuzzTest(maxDuration = "10s")
    void readerReadsOrRejectsAnyFile(byte[] bytes) throws IOException {
        Files.write(input, bytes);
        boolean opened = false;
        try (McapReader reader = McapReader.open(input, LIMITS)) {
            opened = true;
            List<String> topics = new ArrayList<>();
            reader.channels().values().forEach(c -> topics.add(c.topic()));
            long streamed = reader.messages().count();
            reader.metadata();
            long start = reader.startTimeNs().orElse(0L);
            long end = reader.endTimeNs().orElse(0L);
            long ranged = 0;
            for (String topic : topics.stream().distinct().toList()) {
                reader.latestAt(topic, start);
                reader.latestAt(topic, end);
                reader.latestAt(topic, start / 2 + end / 2);
                ranged += reader.range(topic, 0, -1L).size();
                reader.logTimes(topic, start, Math.max(start, end));
            }
            if (reader.statistics().isPresent() && !reader.summaryUsed()) {
                assertThat(ranged).as("range finds what streaming finds").isEqualTo(streamed);
            }
            assertThat(reader.cacheStats().peakBytes()).isLessThanOrEqualTo(LIMITS.cacheBudgetBytes());
            reader.verify();
        } catch (McapFormatException e) {
            assertThat(e.getMessage()).contains(input.toString());
        } catch (UncheckedIOException e) {
            fail("an in-memory-sized file cannot fail to read, yet: " + e);
        }
        if (opened) {
            try {
                McapRepair.repairTo(input, repaired, LIMITS);
            } catch (McapFormatException e) {
                assertThat(e.getMessage()).contains(input.toString());
            }
        }
    }
}
