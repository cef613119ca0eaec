package org.memnav.recordings.mcap;

import net.jpountz.lz4.LZ4FrameOutputStream;
import net.jpountz.xxhash.XXHashFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Our LZ4 frame decoder against frames from lz4-java and hand-built linked-block frames. */
class Lz4FrameDecoderTest {
    @TempDir
    Path dir;

    @Test
    void decodesFramesFromLz4JavaWithEveryOptionalField() throws Exception {
        byte[] data = sampleData(700_000);
        for (LZ4FrameOutputStream.BLOCKSIZE blockSize : LZ4FrameOutputStream.BLOCKSIZE.values()) {
            for (var flags : List.of(
                    new LZ4FrameOutputStream.FLG.Bits[] {LZ4FrameOutputStream.FLG.Bits.BLOCK_INDEPENDENCE},
                    new LZ4FrameOutputStream.FLG.Bits[] {LZ4FrameOutputStream.FLG.Bits.BLOCK_INDEPENDENCE,
                            LZ4FrameOutputStream.FLG.Bits.BLOCK_CHECKSUM, LZ4FrameOutputStream.FLG.Bits.CONTENT_CHECKSUM,
                            LZ4FrameOutputStream.FLG.Bits.CONTENT_SIZE})) {
                byte[] frame = lz4Java(data, blockSize, flags);
                assertThat(Lz4FrameDecoder.decode(frame, 0, frame.length, data.length)).isEqualTo(data);
            }
        }
    }

    @Test
    void decodesLinkedBlocksThatReachIntoThePreviousBlock() throws Exception {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(new byte[] {0x04, 0x22, 0x4D, 0x18});
        byte[] descriptor = {0x40, 0x40}; // version 01, linked blocks; 64 KB max block
        frame.write(descriptor);
        frame.write((XXHashFactory.fastestJavaInstance().hash32().hash(descriptor, 0, 2, 0) >> 8) & 0xFF);
        // block 1: literals "abcdefgh"
        byte[] block1 = concat(new byte[] {(byte) 0x80}, "abcdefgh".getBytes(StandardCharsets.US_ASCII));
        writeBlock(frame, block1);
        // block 2: a match of 8 bytes at distance 8 (back into block 1), then an overlapping match, then "!"
        byte[] block2 = {0x04, 8, 0, 0x06, 1, 0, 0x10, '!'};
        writeBlock(frame, block2);
        frame.write(new byte[4]); // end mark
        byte[] bytes = frame.toByteArray();
        byte[] decoded = Lz4FrameDecoder.decode(bytes, 0, bytes.length, 27);
        assertThat(new String(decoded, StandardCharsets.US_ASCII)).isEqualTo("abcdefghabcdefghhhhhhhhhhh!");
    }

    @Test
    void rejectsMalformedFrames() {
        byte[] good = lz4JavaUnchecked("hello hello hello hello".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> Lz4FrameDecoder.decode(good, 0, good.length, 5))
                .hasMessageContaining("expected output size");
        assertThatThrownBy(() -> Lz4FrameDecoder.decode(good, 0, good.length - 6, 23))
                .isInstanceOf(Lz4FrameDecoder.Lz4FormatException.class);
        byte[] badMagic = good.clone();
        badMagic[0] = 0x05;
        assertThatThrownBy(() -> Lz4FrameDecoder.decode(badMagic, 0, badMagic.length, 23)).hasMessageContaining("magic");
        byte[] badOffset = {0x04, 0x22, 0x4D, 0x18, 0x60, 0x40, 0, 4, 0, 0, 0, 0x04, 9, 0, 0, 0, 0, 0, 0};
        assertThatThrownBy(() -> Lz4FrameDecoder.decode(badOffset, 0, badOffset.length, 8))
                .hasMessageContaining("points before the start");
        byte[] dictionary = {0x04, 0x22, 0x4D, 0x18, 0x61, 0x40, 0};
        assertThatThrownBy(() -> Lz4FrameDecoder.decode(dictionary, 0, dictionary.length, 8))
                .hasMessageContaining("dictionary");
        Random random = new Random(3);
        for (int i = 0; i < 2000; i++) {
            byte[] mutant = good.clone();
            mutant[random.nextInt(mutant.length)] = (byte) random.nextInt(256);
            try {
                Lz4FrameDecoder.decode(mutant, 0, mutant.length, 23);
            } catch (Lz4FrameDecoder.Lz4FormatException expected) {
                // the only failure allowed
            }
        }
    }

    @Test
    void readsMcapFilesWithLz4Chunks() throws Exception {
        LittleEndianBuffer records = new LittleEndianBuffer(1024);
        McapRecordEncoder.channel(records, new McapChannel(1, 0, "/lz4", "x-raw", Map.of()));
        byte[] payload = sampleData(300_000);
        McapRecordEncoder.message(records, 1, 0, 10, 10, payload);
        McapRecordEncoder.message(records, 1, 1, 5, 5, "earlier".getBytes(StandardCharsets.US_ASCII));
        byte[] raw = records.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(raw);
        byte[] compressed = lz4Java(raw, LZ4FrameOutputStream.BLOCKSIZE.SIZE_64KB,
                LZ4FrameOutputStream.FLG.Bits.BLOCK_INDEPENDENCE);

        LittleEndianBuffer file = new LittleEndianBuffer(compressed.length + 256);
        McapMagic.writeTo(file);
        McapRecordEncoder.header(file, new McapHeader("", "lz4 test"));
        McapRecordEncoder.chunk(file, 5, 10, raw.length, crc.getValue(), "lz4", compressed, compressed.length);
        McapRecordEncoder.dataEnd(file, 0);
        McapRecordEncoder.footer(file, 0, 0, 0);
        McapMagic.writeTo(file);
        Path path = dir.resolve("lz4.mcap");
        Files.write(path, file.toByteArray());

        try (McapReader reader = McapReader.open(path)) {
            List<McapMessage> messages = reader.messages().toList();
            assertThat(messages).extracting(McapMessage::logTimeNs).containsExactly(5L, 10L);
            assertThat(messages.get(1).data()).isEqualTo(payload);
            assertThat(reader.chunkIndexes()).singleElement()
                    .satisfies(index -> assertThat(index.compression()).isEqualTo("lz4"));
        }
    }

    private static void writeBlock(ByteArrayOutputStream frame, byte[] block) {
        frame.write(block.length);
        frame.write(0);
        frame.write(0);
        frame.write(0);
        frame.writeBytes(block);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Compressible but varied bytes: repeated phrases mixed with noise. */
    private static byte[] sampleData(int size) {
        Random random = new Random(42);
        byte[] phrase = "memory for embodied navigation ".getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            out[i] = random.nextInt(10) == 0 ? (byte) random.nextInt(256) : phrase[i % phrase.length];
        }
        return out;
    }

    private static byte[] lz4Java(byte[] data, LZ4FrameOutputStream.BLOCKSIZE blockSize, LZ4FrameOutputStream.FLG.Bits... flags)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LZ4FrameOutputStream lz4 = new LZ4FrameOutputStream(out, blockSize, data.length, flags)) {
            lz4.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] lz4JavaUnchecked(byte[] data) {
        try {
            return lz4Java(data, LZ4FrameOutputStream.BLOCKSIZE.SIZE_64KB, LZ4FrameOutputStream.FLG.Bits.BLOCK_INDEPENDENCE);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
