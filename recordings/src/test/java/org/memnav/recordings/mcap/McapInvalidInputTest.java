package org.memnav.recordings.mcap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Non-MCAP and hostile input gives a clear McapFormatException: never another exception, OOM or hang. */
class McapInvalidInputTest {
    private static final byte[] MAGIC = {(byte) 0x89, 'M', 'C', 'A', 'P', '0', '\r', '\n'};

    @TempDir
    Path dir;

    @Test
    void emptyFile() throws IOException {
        Path file = write("empty.mcap", new byte[0]);
        assertThatThrownBy(() -> McapReader.open(file))
                .isInstanceOf(McapFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("offset 0")
                .hasMessageContaining("empty");
    }

    @Test
    void wrongMagic() throws IOException {
        Path zip = write("archive.zip", new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        assertThatThrownBy(() -> McapReader.open(zip))
                .isInstanceOf(McapFormatException.class)
                .hasMessageContaining("not an MCAP file")
                .hasMessageContaining("50 4b 03 04");
        Path text = write("notes.txt", "just some text".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> McapReader.open(text)).isInstanceOf(McapFormatException.class)
                .hasMessageContaining("not an MCAP file");
    }

    @Test
    void otherMajorVersion() throws IOException {
        byte[] bytes = MAGIC.clone();
        bytes[5] = '1';
        Path file = write("v1.mcap", bytes);
        assertThatThrownBy(() -> McapReader.open(file)).isInstanceOf(McapFormatException.class)
                .hasMessageContaining("unsupported MCAP major version '1'");
    }

    @Test
    void tooShortForMagic() throws IOException {
        Path file = write("short.mcap", new byte[] {(byte) 0x89, 'M', 'C'});
        assertThatThrownBy(() -> McapReader.open(file)).isInstanceOf(McapFormatException.class)
                .hasMessageContaining("only 3 bytes");
    }

    @Test
    void magicWithoutHeader() throws IOException {
        Path file = write("magic-only.mcap", MAGIC);
        assertThatThrownBy(() -> McapReader.open(file)).isInstanceOf(McapFormatException.class)
                .hasMessageContaining("offset 8").hasMessageContaining("Header");
    }

    @Test
    void randomBytes() throws IOException {
        Random random = new Random(1);
        for (int i = 0; i < 50; i++) {
            byte[] bytes = new byte[1 + random.nextInt(5000)];
            random.nextBytes(bytes);
            Path file = write("random-" + i + ".bin", bytes);
            assertThatThrownBy(() -> McapReader.open(file)).isInstanceOf(McapFormatException.class);
            // The same noise behind a valid magic must fail just as cleanly.
            System.arraycopy(MAGIC, 0, bytes, 0, Math.min(MAGIC.length, bytes.length));
            Path withMagic = write("random-magic-" + i + ".bin", bytes);
            assertOnlyFormatErrors(withMagic);
        }
    }

    @Test
    void hugeHeaderLength() throws IOException {
        LittleEndianBuffer b = new LittleEndianBuffer(64);
        McapMagic.writeTo(b);
        b.u8(Opcode.HEADER).u64(1L << 62).string("").string("");
        Path file = write("huge-header.mcap", b.toByteArray());
        assertThatThrownBy(() -> McapReader.open(file)).isInstanceOf(McapFormatException.class)
                .hasMessageContaining("Header record claims 4611686018427387904 bytes");
    }

    @Test
    void hugeUncompressedChunkSizeIsRefusedBeforeAllocating() throws IOException {
        LittleEndianBuffer b = fileStart();
        byte[] records = {1, 2, 3};
        McapRecordEncoder.chunk(b, 0, 0, 1L << 40, 0, "", records, records.length);
        Path file = write("huge-chunk.mcap", b.toByteArray());
        assertDamagedFirstChunk(file, "chunk claims 1099511627776 uncompressed bytes");
    }

    @Test
    void hugeStringLengthInsideAChunk() throws IOException {
        LittleEndianBuffer inner = new LittleEndianBuffer(64);
        int start = inner.beginRecord(Opcode.CHANNEL);
        inner.u16(1).u16(0).u32(0x7FFF_FFF0L); // topic claims ~2 GiB
        inner.endRecord(start);
        LittleEndianBuffer b = fileStart();
        McapRecordEncoder.chunk(b, 0, 0, inner.size(), 0, "", inner.toByteArray(), inner.size());
        Path file = write("huge-string.mcap", b.toByteArray());
        assertDamagedFirstChunk(file, "channel topic string claims 2147483632 bytes");
    }

    @Test
    void messageOnUndefinedChannel() throws IOException {
        LittleEndianBuffer b = fileStart();
        McapRecordEncoder.message(b, 7, 0, 1, 1, new byte[] {1});
        McapRecordEncoder.dataEnd(b, 0);
        McapRecordEncoder.footer(b, 0, 0, 0);
        McapMagic.writeTo(b);
        Path file = write("orphan.mcap", b.toByteArray());
        assertThatThrownBy(() -> McapReader.open(file)).isInstanceOf(McapFormatException.class)
                .hasMessageContaining("channel 7 which no earlier Channel record defines");
    }

    @Test
    void unsupportedCompression() throws IOException {
        LittleEndianBuffer b = fileStart();
        McapRecordEncoder.chunk(b, 0, 0, 3, 0, "bz2", new byte[] {1, 2, 3}, 3);
        Path file = write("bz2.mcap", b.toByteArray());
        assertThatThrownBy(() -> McapReader.open(file)).isInstanceOf(McapFormatException.class)
                .hasMessageContaining("unsupported chunk compression 'bz2'");
    }

    @Test
    void mutatedFilesFailCleanly() throws IOException {
        Path valid = dir.resolve("valid.mcap");
        SampleRecording.write(valid, McapWriterOptions.defaults().withChunkSize(2048), 120, 40);
        Path validPlain = dir.resolve("valid-plain.mcap");
        SampleRecording.write(validPlain, McapWriterOptions.defaults().withChunkSize(2048)
                .withCompression(ChunkCompression.NONE), 120, 40);
        Random random = new Random(99);
        for (Path source : new Path[] {valid, validPlain}) {
            byte[] original = Files.readAllBytes(source);
            for (int i = 0; i < 300; i++) {
                byte[] bytes = original.clone();
                int flips = 1 + random.nextInt(6);
                for (int f = 0; f < flips; f++) {
                    int at = random.nextInt(bytes.length);
                    bytes[at] = random.nextInt(3) == 0 ? (byte) 0xFF : (byte) random.nextInt(256);
                }
                if (random.nextInt(4) == 0) {
                    bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
                }
                assertOnlyFormatErrors(write("mutant.mcap", bytes));
            }
        }
    }

    /** A file without summary whose only chunk is damaged opens empty, saying what is wrong with the chunk. */
    private static void assertDamagedFirstChunk(Path file, String problem) throws IOException {
        try (McapReader reader = McapReader.open(file)) {
            assertThat(reader.recoveryReason()).hasValueSatisfying(r -> assertThat(r).contains(problem).contains("damaged"));
            assertThat(reader.messages().count()).isZero();
            assertThat(reader.latestAt("/any", Long.MAX_VALUE)).isEmpty();
        }
    }

    /** Opening, reading everything and verifying either succeeds or raises McapFormatException, quickly. */
    private void assertOnlyFormatErrors(Path file) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (McapReader reader = McapReader.open(file)) {
                reader.messages().forEach(m -> assertThat(m.channel()).isNotNull());
                reader.metadata();
                reader.verify();
            } catch (McapFormatException expected) {
                assertThat(expected.getMessage()).contains(file.toString());
            } catch (Throwable other) {
                fail("expected success or McapFormatException for " + file + ", got " + other, other);
            }
        });
    }

    private static LittleEndianBuffer fileStart() {
        LittleEndianBuffer b = new LittleEndianBuffer(256);
        McapMagic.writeTo(b);
        McapRecordEncoder.header(b, new McapHeader("", "test"));
        return b;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }
}
