package org.memnav.recordings.mcap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A flipped byte anywhere CRC-covered is caught and reported with file and offset. */
class McapCorruptionTest {
    @TempDir
    Path dir;

    private Path file;
    private McapChunkIndex middleChunk;

    @BeforeEach
    void writeUncompressed() throws IOException {
        file = dir.resolve("plain.mcap");
        SampleRecording.write(file, McapWriterOptions.defaults().withCompression(ChunkCompression.NONE).withChunkSize(16 * 1024),
                600, 100);
        try (McapReader reader = McapReader.open(file)) {
            middleChunk = reader.chunkIndexes().get(reader.chunkIndexes().size() / 2);
        }
    }

    @Test
    void flippedByteInsideAChunkFailsItsCrc() throws IOException {
        Path bad = flipped(file, middleChunk.chunkStartOffset() + middleChunk.chunkLength() - 10);
        try (McapReader reader = McapReader.open(bad)) {
            McapFormatException e = catchThrowableOfType(McapFormatException.class, () -> reader.messages().count());
            assertThat(e.file()).isEqualTo(bad);
            assertThat(e.offset()).isEqualTo(middleChunk.chunkStartOffset());
            assertThat(e.problem()).contains("chunk CRC mismatch");
            assertThat(e.getMessage()).contains(bad.toString()).contains("offset " + middleChunk.chunkStartOffset());
        }
    }

    @Test
    void crcCheckingCanBeTurnedOffForSalvage() throws IOException {
        Path bad = flipped(file, middleChunk.chunkStartOffset() + middleChunk.chunkLength() - 10);
        try (McapReader reader = McapReader.open(bad, McapReaderOptions.defaults().withValidateCrcs(false))) {
            assertThat(reader.messages().count()).isEqualTo(1206);
            assertThatThrownBy(reader::verify).isInstanceOf(McapFormatException.class).hasMessageContaining("CRC mismatch");
        }
    }

    @Test
    void flippedByteInACompressedChunkIsReported() throws IOException {
        Path zstd = dir.resolve("zstd.mcap");
        SampleRecording.write(zstd, McapWriterOptions.defaults().withChunkSize(16 * 1024), 600, 100);
        McapChunkIndex chunk;
        try (McapReader reader = McapReader.open(zstd)) {
            chunk = reader.chunkIndexes().get(1);
        }
        long recordsStart = chunk.chunkStartOffset() + chunk.chunkLength() - chunk.compressedSize();
        for (long delta : new long[] {20, chunk.compressedSize() / 2, chunk.compressedSize() - 3}) {
            Path bad = flipped(zstd, recordsStart + delta);
            try (McapReader reader = McapReader.open(bad)) {
                assertThatThrownBy(() -> reader.messages().count())
                        .isInstanceOf(McapFormatException.class)
                        .hasMessageContaining(bad.toString())
                        .satisfies(e -> assertThat(((McapFormatException) e).offset()).isEqualTo(chunk.chunkStartOffset()));
            }
        }
    }

    @Test
    void flippedByteInTheSummaryFallsBackToScanningTheDataSection() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        long summaryStart = ByteBuffer.wrap(bytes, bytes.length - 28, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        Path bad = flipped(file, summaryStart + 30);
        try (McapReader reader = McapReader.open(bad)) {
            assertThat(reader.summaryUsed()).isFalse();
            assertThat(reader.recoveryReason()).hasValueSatisfying(r -> assertThat(r)
                    .contains("summary section is damaged").contains("summary CRC mismatch"));
            assertThat(reader.messages().count()).as("the data section is intact").isEqualTo(1206);
            reader.verify();
        }
    }

    @Test
    void flippedByteOutsideChunksIsCaughtByTheDataSectionCrc() throws IOException {
        long messageIndex = middleChunk.messageIndexOffsets().values().iterator().next();
        Path bad = flipped(file, messageIndex + 20); // inside an index entry the reader does not need
        try (McapReader reader = McapReader.open(bad)) {
            assertThat(reader.messages().count()).isEqualTo(1206);
            assertThatThrownBy(reader::verify)
                    .isInstanceOf(McapFormatException.class)
                    .hasMessageContaining("data section CRC mismatch");
        }
    }

    @Test
    void corruptChunkInATruncatedFileEndsTheRecoveryKeepingEverythingBefore() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        byte[] cut = Arrays.copyOf(bytes, (int) (middleChunk.chunkStartOffset() + middleChunk.chunkLength() + 3));
        cut[(int) (middleChunk.chunkStartOffset() + 200)] ^= 0x40;
        Path bad = dir.resolve("cut-and-flipped.mcap");
        Files.write(bad, cut);
        long before;
        int chunksBefore;
        try (McapReader intact = McapReader.open(file)) {
            before = intact.messages().filter(m -> m.logTimeNs() < middleChunk.messageStartTimeNs()).count();
            chunksBefore = intact.chunkIndexes().indexOf(middleChunk);
        }
        try (McapReader reader = McapReader.open(bad)) {
            assertThat(reader.recoveryReason()).hasValueSatisfying(r -> assertThat(r)
                    .contains("chunk at offset " + middleChunk.chunkStartOffset() + " is damaged")
                    .contains("chunk CRC mismatch"));
            assertThat(reader.chunkIndexes()).hasSize(chunksBefore);
            assertThat(reader.messages().count()).isEqualTo(before);
            assertThat(reader.statistics().orElseThrow().messageCount()).isEqualTo(before);
        }
    }

    private Path flipped(Path source, long offset) throws IOException {
        byte[] bytes = Files.readAllBytes(source);
        bytes[(int) offset] ^= 0x5A;
        Path out = dir.resolve("flipped-" + offset + "-" + source.getFileName());
        Files.write(out, bytes);
        return out;
    }
}
