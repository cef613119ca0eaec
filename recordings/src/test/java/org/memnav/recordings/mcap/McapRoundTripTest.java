package org.memnav.recordings.mcap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.memnav.recordings.mcap.MessageAssertions.assertSameMessages;

class McapRoundTripTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(ChunkCompression.class)
    void multiMegabyteFileWithManyChunksReadsBackExactly(ChunkCompression compression) throws IOException {
        Path file = dir.resolve("big.mcap");
        McapWriterOptions options = McapWriterOptions.defaults().withCompression(compression).withChunkSize(256 * 1024);
        SampleRecording sample = SampleRecording.write(file, options, 3000, 2500);
        assertThat(Files.size(file)).isGreaterThan(6L * 1024 * 1024);

        try (McapReader reader = McapReader.open(file)) {
            assertThat(reader.summaryUsed()).isTrue();
            assertThat(reader.recoveryReason()).isEmpty();
            assertThat(reader.header()).isEqualTo(new McapHeader("", McapWriterOptions.LIBRARY));
            assertThat(reader.chunkIndexes()).hasSizeGreaterThan(20)
                    .allSatisfy(index -> assertThat(index.compression()).isEqualTo(compression.wireName()));
            assertSameMessages(reader.messages().map(SampleRecording::of).toList(), sample.inLogTimeOrder());
            reader.verify();
        }
    }

    @Test
    void summaryDescribesSchemasChannelsStatisticsAndChunks() throws IOException {
        Path file = dir.resolve("summary.mcap");
        SampleRecording sample = SampleRecording.write(file, McapWriterOptions.defaults().withChunkSize(32 * 1024), 500, 300);

        try (McapReader reader = McapReader.open(file)) {
            assertThat(reader.schemas()).containsExactly(
                    Map.entry(1, new McapSchema(1, "test.Step", "jsonschema", SampleRecording.JSON_SCHEMA)));
            assertThat(reader.channels().values()).containsExactly(
                    new McapChannel(1, 1, SampleRecording.JSON_TOPIC, "json", Map.of("unit", "step")),
                    new McapChannel(2, 0, SampleRecording.BLOB_TOPIC, "x-raw", Map.of()),
                    new McapChannel(3, 1, SampleRecording.SPARSE_TOPIC, "json", Map.of()));
            McapStatistics stats = reader.statistics().orElseThrow();
            assertThat(stats.messageCount()).isEqualTo(sample.written.size());
            assertThat(stats.schemaCount()).isEqualTo(1);
            assertThat(stats.channelCount()).isEqualTo(3);
            assertThat(stats.metadataCount()).isEqualTo(1);
            assertThat(stats.chunkCount()).isEqualTo(reader.chunkIndexes().size());
            assertThat(stats.messageStartTimeNs()).isEqualTo(SampleRecording.time(0));
            assertThat(stats.messageEndTimeNs()).isEqualTo(SampleRecording.time(499));
            assertThat(stats.channelMessageCounts()).containsEntry(1, 500L).containsEntry(2, 500L).containsEntry(3, 5L);
            assertThat(reader.metadata()).containsExactly(new McapMetadata("sample", Map.of("steps", "500")));

            long previousEnd = 0;
            for (McapChunkIndex index : reader.chunkIndexes()) {
                assertThat(index.chunkStartOffset()).isGreaterThanOrEqualTo(previousEnd);
                assertThat(index.messageIndexOffsets()).isNotEmpty();
                assertThat(index.messageIndexLength()).isPositive();
                previousEnd = index.chunkStartOffset() + index.chunkLength() + index.messageIndexLength();
            }
        }
    }

    @Test
    void filtersByTopicAndTimeRange() throws IOException {
        Path file = dir.resolve("filter.mcap");
        SampleRecording sample = SampleRecording.write(file, McapWriterOptions.defaults().withChunkSize(16 * 1024), 1000, 100);

        try (McapReader reader = McapReader.open(file)) {
            List<SampleRecording.Written> sparse = reader.messages(Set.of(SampleRecording.SPARSE_TOPIC))
                    .map(SampleRecording::of).toList();
            assertSameMessages(sparse, sample.inLogTimeOrder().stream()
                    .filter(w -> w.topic().equals(SampleRecording.SPARSE_TOPIC)).toList());

            long from = SampleRecording.time(400);
            long to = SampleRecording.time(410);
            MessageFilter window = MessageFilter.topics(Set.of(SampleRecording.JSON_TOPIC, SampleRecording.BLOB_TOPIC))
                    .withTimeRange(from, to);
            assertSameMessages(reader.messages(window).map(SampleRecording::of).toList(), sample.inLogTimeOrder().stream()
                    .filter(w -> !w.topic().equals(SampleRecording.SPARSE_TOPIC))
                    .filter(w -> w.logTime() >= from && w.logTime() <= to).toList());
            assertThat(reader.messages(Set.of("/missing")).count()).isZero();
        }
    }

    @Test
    void fileWithoutMessagesIsValid() throws IOException {
        Path file = dir.resolve("empty.mcap");
        try (McapWriter writer = McapWriter.open(file)) {
            writer.addChannel(writer.addSchema("s", "jsonschema", "{}".getBytes()), "/t", "json", Map.of());
        }
        try (McapReader reader = McapReader.open(file)) {
            assertThat(reader.messages().count()).isZero();
            assertThat(reader.channels()).hasSize(1);
            assertThat(reader.statistics().orElseThrow().messageCount()).isZero();
            assertThat(reader.chunkIndexes()).isEmpty();
            reader.verify();
        }
    }

    @Test
    void flushClosesPartialChunksWithoutLosingOrder() throws IOException {
        Path file = dir.resolve("flushed.mcap");
        try (McapWriter writer = McapWriter.open(file)) {
            int ch = writer.addChannel(0, "/t", "x-raw", Map.of());
            for (int i = 0; i < 10; i++) {
                writer.write(ch, i, 1000 + i, 1000 + i, new byte[] {(byte) i});
                writer.flush();
            }
        }
        try (McapReader reader = McapReader.open(file)) {
            assertThat(reader.chunkIndexes()).hasSize(10);
            assertThat(reader.messages().map(m -> (int) m.data()[0]).toList()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        }
    }

    @Test
    void writerRejectsMisuse() throws IOException {
        try (McapWriter writer = McapWriter.open(dir.resolve("misuse.mcap"))) {
            assertThatThrownBy(() -> writer.addChannel(5, "/t", "json", Map.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown schema id 5");
            assertThatThrownBy(() -> writer.write(9, 0, 0, 0, new byte[0]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown channel id 9");
            int ch = writer.addChannel(0, "/t", "x-raw", Map.of());
            assertThatThrownBy(() -> writer.write(ch, 1L << 32, 0, 0, new byte[0]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("uint32");
            writer.close();
            assertThatThrownBy(() -> writer.write(ch, 0, 0, 0, new byte[0])).isInstanceOf(IllegalStateException.class);
        }
    }
}
