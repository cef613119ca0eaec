package org.memnav.recordings.mcap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.memnav.recordings.mcap.MessageAssertions.assertSameMessages;

/** A file cut short anywhere gets its summary back, keeps every complete chunk and loses no byte. */
class McapRepairTest {
    @TempDir
    Path dir;

    private byte[] original;
    private List<McapChunkIndex> chunks;

    @BeforeEach
    void writeOriginal() throws IOException {
        Path file = dir.resolve("original.mcap");
        SampleRecording.write(file, McapWriterOptions.defaults().withChunkSize(16 * 1024), 1500, 150);
        original = Files.readAllBytes(file);
        try (McapReader reader = McapReader.open(file)) {
            chunks = reader.chunkIndexes();
        }
    }

    @Test
    void repairedCopiesReadThroughTheirSummaryWithEveryRecoverableMessage() throws IOException {
        McapChunkIndex mid = chunks.get(chunks.size() / 2);
        long chunkEnd = mid.chunkStartOffset() + mid.chunkLength();
        long[] cuts = {mid.chunkStartOffset() + 3, mid.chunkStartOffset() + mid.chunkLength() / 2, chunkEnd,
                chunkEnd + 5, chunkEnd + 40, chunkEnd + mid.messageIndexLength() - 1, chunkEnd + mid.messageIndexLength(),
                original.length - 30};
        for (long cut : cuts) {
            Path truncated = dir.resolve("cut-" + cut + ".mcap");
            Files.write(truncated, Arrays.copyOf(original, (int) cut));
            List<SampleRecording.Written> recovered;
            try (McapReader reader = McapReader.open(truncated)) {
                recovered = reader.messages().map(SampleRecording::of).toList();
            }
            Path repaired = dir.resolve("repaired-" + cut + ".mcap");
            McapRepair.Result result = McapRepair.repairTo(truncated, repaired);
            assertThat(result.alreadyIntact()).isFalse();
            assertThat(result.messages()).as("cut %d", cut).isEqualTo(recovered.size());
            assertThat(result.problem()).contains("Footer");
            assertThat(Files.readAllBytes(truncated)).as("the source stays untouched").hasSize((int) cut);
            try (McapReader reader = McapReader.open(repaired)) {
                assertThat(reader.summaryUsed()).as("cut %d", cut).isTrue();
                assertThat(reader.recoveryReason()).isEmpty();
                reader.verify();
                assertSameMessages(reader.messages().map(SampleRecording::of).toList(), recovered);
                for (McapChunkIndex index : reader.chunkIndexes()) {
                    assertThat(index.messageIndexOffsets()).as("cut %d: every chunk indexes its channels", cut).isNotEmpty();
                }
                // Queries through the rebuilt indexes find the last recovered message of each topic.
                for (String topic : List.of(SampleRecording.JSON_TOPIC, SampleRecording.BLOB_TOPIC)) {
                    McapTimeQueryTest.assertSame(reader.latestAt(topic, Long.MAX_VALUE),
                            McapTimeQueryTest.expectedLatestAt(recovered, topic, Long.MAX_VALUE), "cut " + cut);
                }
            }
        }
    }

    @Test
    void aCutInsideTheLastChunksIndexesRebuildsThem() throws IOException {
        McapChunkIndex mid = chunks.get(4);
        long cut = mid.chunkStartOffset() + mid.chunkLength() + 20; // inside the first Message Index record
        Path truncated = dir.resolve("cut-index.mcap");
        Files.write(truncated, Arrays.copyOf(original, (int) cut));
        McapRepair.Result result = McapRepair.repair(truncated);
        assertThat(result.indexesRebuilt()).isTrue();
        assertThat(result.chunks()).isEqualTo(5);
        try (McapReader reader = McapReader.open(truncated)) {
            McapChunkIndex last = reader.chunkIndexes().get(4);
            assertThat(last.messageIndexOffsets().keySet()).isEqualTo(mid.messageIndexOffsets().keySet());
            assertThat(reader.range(SampleRecording.BLOB_TOPIC, mid.messageStartTimeNs(), mid.messageEndTimeNs()))
                    .hasSize((int) reader.messages(List.of(SampleRecording.BLOB_TOPIC))
                            .filter(m -> m.logTimeNs() >= mid.messageStartTimeNs() && m.logTimeNs() <= mid.messageEndTimeNs()).count());
        }
    }

    @Test
    void inPlaceRepairKeepsTheCutOffBytesBesideTheFile() throws IOException {
        McapChunkIndex chunk = chunks.get(6);
        long cut = chunk.chunkStartOffset() + chunk.chunkLength() / 3; // inside chunk 6: it cannot be read
        Path file = dir.resolve("run.mcap");
        Files.write(file, Arrays.copyOf(original, (int) cut));
        McapRepair.Result result = McapRepair.repair(file);
        assertThat(result.output()).isEqualTo(file);
        assertThat(result.keptBytes()).isEqualTo(chunk.chunkStartOffset());
        assertThat(result.droppedBytes()).isEqualTo(cut - chunk.chunkStartOffset());
        assertThat(result.droppedTail()).isEqualTo(dir.resolve("run.mcap.truncated-tail"));
        assertThat(Files.readAllBytes(result.droppedTail()))
                .isEqualTo(Arrays.copyOfRange(original, (int) chunk.chunkStartOffset(), (int) cut));
        assertThat(Arrays.copyOf(Files.readAllBytes(file), (int) chunk.chunkStartOffset()))
                .isEqualTo(Arrays.copyOf(original, (int) chunk.chunkStartOffset()));
        try (McapReader reader = McapReader.open(file)) {
            assertThat(reader.summaryUsed()).isTrue();
            assertThat(reader.chunkIndexes()).hasSize(6);
        }
        assertThat(McapRepair.repair(file).alreadyIntact()).as("repairing twice changes nothing").isTrue();
    }

    @Test
    void anIntactFileIsLeftAlone() throws IOException {
        Path file = dir.resolve("intact.mcap");
        Files.write(file, original);
        McapRepair.Result result = McapRepair.repair(file);
        assertThat(result.alreadyIntact()).isTrue();
        assertThat(Files.readAllBytes(file)).isEqualTo(original);
    }
}
