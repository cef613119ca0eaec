package org.memnav.recordings.mcap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.memnav.recordings.mcap.MessageAssertions.assertSameMessages;

/** A file cut anywhere after its Header still yields every message of every complete chunk. */
class McapTruncationTest {
    @TempDir
    Path dir;

    private byte[] original;
    private SampleRecording sample;
    private List<McapChunkIndex> chunks;
    private List<Integer> messagesPerChunk;
    private long summaryStart;

    @BeforeEach
    void writeOriginal() throws IOException {
        Path file = dir.resolve("original.mcap");
        sample = SampleRecording.write(file, McapWriterOptions.defaults().withChunkSize(16 * 1024), 1200, 150);
        original = Files.readAllBytes(file);
        try (McapReader reader = McapReader.open(file)) {
            chunks = reader.chunkIndexes();
        }
        assertThat(chunks).hasSizeGreaterThan(10);
        messagesPerChunk = new ArrayList<>();
        for (McapChunkIndex chunk : chunks) {
            messagesPerChunk.add(countIndexedMessages(chunk));
        }
        assertThat(messagesPerChunk.stream().mapToInt(Integer::intValue).sum()).isEqualTo(sample.written.size());
        ByteBuffer footer = ByteBuffer.wrap(original, original.length - 8 - 20, 8).order(ByteOrder.LITTLE_ENDIAN);
        summaryStart = footer.getLong();
    }

    @Test
    void cutsInsideAndBetweenChunksKeepEveryCompleteChunk() throws IOException {
        for (int k : new int[] {0, 1, chunks.size() / 2, chunks.size() - 1}) {
            McapChunkIndex chunk = chunks.get(k);
            long start = chunk.chunkStartOffset();
            long end = start + chunk.chunkLength();
            for (long cut : new long[] {start, start + 1, start + 9, start + 40, start + chunk.chunkLength() / 2, end - 1,
                    end, end + 5, end + chunk.messageIndexLength()}) {
                assertRecovers(cut);
            }
        }
    }

    @Test
    void cutsInDataEndSummaryAndFooterKeepAllMessages() throws IOException {
        long dataEnd = summaryStart - 13;
        for (long cut : new long[] {dataEnd, dataEnd + 3, summaryStart, summaryStart + 10, summaryStart + 200,
                original.length - 37, original.length - 20, original.length - 1}) {
            assertRecovers(cut);
        }
    }

    @Test
    void cutRightAfterHeaderHasNoMessages() throws IOException {
        long dataStart = chunks.get(0).chunkStartOffset();
        try (McapReader reader = McapReader.open(truncated(dataStart))) {
            assertThat(reader.messages().count()).isZero();
            assertThat(reader.recoveryReason()).hasValueSatisfying(r -> assertThat(r).contains("truncated"));
        }
    }

    @Test
    void cutInsideHeaderIsAFormatError() throws IOException {
        Path file = truncated(12);
        assertThatThrownBy(() -> McapReader.open(file))
                .isInstanceOf(McapFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("Header");
    }

    @Test
    void fileOfAWriterThatWasNeverClosedKeepsItsFlushedChunks() throws IOException {
        Path live = dir.resolve("live.mcap");
        Path snapshot = dir.resolve("snapshot.mcap");
        try (McapWriter writer = McapWriter.open(live, McapWriterOptions.defaults().withChunkSize(4096))) {
            int ch = writer.addChannel(0, "/t", "x-raw", Map.of());
            for (int i = 0; i < 500; i++) {
                writer.write(ch, i, 1000L + i, 1000L + i, new byte[] {(byte) i, (byte) (i >> 8)});
            }
            writer.flush();
            for (int i = 500; i < 510; i++) {
                writer.write(ch, i, 1000L + i, 1000L + i, new byte[] {(byte) i, (byte) (i >> 8)}); // still buffered
            }
            // What a crash at this moment leaves on disk.
            Files.copy(live, snapshot);
        }
        try (McapReader reader = McapReader.open(snapshot)) {
            assertThat(reader.summaryUsed()).isFalse();
            List<Long> times = reader.messages().map(McapMessage::logTimeNs).toList();
            assertThat(times).hasSize(500).first().isEqualTo(1000L);
            assertThat(times).last().isEqualTo(1499L);
            assertThat(reader.channels()).containsKey(1);
            assertThat(reader.statistics().orElseThrow().messageCount()).isEqualTo(500);
        }
    }

    private void assertRecovers(long cut) throws IOException {
        Path file = truncated(cut);
        int complete = 0;
        int messages = 0;
        for (int k = 0; k < chunks.size(); k++) {
            McapChunkIndex chunk = chunks.get(k);
            if (chunk.chunkStartOffset() + chunk.chunkLength() <= cut) {
                complete++;
                messages += messagesPerChunk.get(k);
            }
        }
        List<SampleRecording.Written> expected = new ArrayList<>(sample.written.subList(0, messages));
        expected.sort(Comparator.comparingLong(SampleRecording.Written::logTime));
        try (McapReader reader = McapReader.open(file)) {
            assertThat(reader.summaryUsed()).as("cut at %d", cut).isFalse();
            assertThat(reader.recoveryReason()).as("cut at %d", cut).isPresent();
            assertThat(reader.chunkIndexes()).as("cut at %d", cut).hasSize(complete);
            assertSameMessages(reader.messages().map(SampleRecording::of).toList(), expected);
            assertThat(reader.channels().values().stream().map(McapChannel::topic).toList()).as("cut at %d", cut)
                    .containsAll(expected.stream().map(SampleRecording.Written::topic).distinct().toList());
        }
    }

    private Path truncated(long length) throws IOException {
        Path file = dir.resolve("cut-" + length + ".mcap");
        Files.write(file, Arrays.copyOf(original, (int) length));
        return file;
    }

    /** Counts a chunk's messages from its Message Index records, independently of the reader's chunk decoding. */
    private int countIndexedMessages(McapChunkIndex chunk) {
        int count = 0;
        for (long offset : chunk.messageIndexOffsets().values()) {
            ByteBuffer record = ByteBuffer.wrap(original, (int) offset, 15).order(ByteOrder.LITTLE_ENDIAN);
            assertThat(record.get()).isEqualTo((byte) 0x07);
            record.getLong(); // record length
            record.getShort(); // channel id
            count += record.getInt() / 16;
        }
        return count;
    }
}
