package org.memnav.app.dataset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NpyWriterTest {

    /** The header as numpy's format 1.0 reader sees it: magic, version, length, then the dict. */
    private static String header(byte[] file) {
        assertThat(file[0]).isEqualTo((byte) 0x93);
        assertThat(new String(file, 1, 5, StandardCharsets.US_ASCII)).isEqualTo("NUMPY");
        assertThat(file[6]).isEqualTo((byte) 1);
        int length = ByteBuffer.wrap(file, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
        assertThat((10 + length) % 64).as("numpy aligns the data to 64 bytes").isZero();
        return new String(file, 10, length, StandardCharsets.US_ASCII);
    }

    @Test
    void writesTheRowCountIntoTheHeaderOnCloseAndTheDataLittleEndian(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.npy");
        try (NpyWriter w = new NpyWriter(f, NpyWriter.Dtype.FLOAT32, 2, 3)) {
            w.appendFloats(new float[] {1, 2, 3, 4, 5, 6});
            w.appendFloats(new float[] {-1, -2, -3, -4, -5, 0.5f});
        }
        byte[] bytes = Files.readAllBytes(f);
        String header = header(bytes);
        assertThat(header).startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2, 3), }").endsWith("\n");
        ByteBuffer data = ByteBuffer.wrap(bytes, 128, bytes.length - 128).slice().order(ByteOrder.LITTLE_ENDIAN);
        assertThat(data.remaining()).isEqualTo(2 * 6 * 4);
        assertThat(data.getFloat(0)).isEqualTo(1f);
        assertThat(data.getFloat(4 * 11)).isEqualTo(0.5f);
    }

    @Test
    void halfPrecisionAndIntegerRowsKeepTheirValues(@TempDir Path dir) throws Exception {
        Path half = dir.resolve("h.npy");
        try (NpyWriter w = new NpyWriter(half, NpyWriter.Dtype.FLOAT16, 2)) {
            w.appendFloats(new float[] {1.5f, -2.25f});
        }
        byte[] bytes = Files.readAllBytes(half);
        assertThat(header(bytes)).contains("'descr': '<f2'").contains("'shape': (1, 2)");
        ByteBuffer data = ByteBuffer.wrap(bytes, 128, 4).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(Float.float16ToFloat(data.getShort())).isEqualTo(1.5f);
        assertThat(Float.float16ToFloat(data.getShort())).isEqualTo(-2.25f);

        Path ids = dir.resolve("i.npy");
        try (NpyWriter w = new NpyWriter(ids, NpyWriter.Dtype.INT16, 3)) {
            w.appendShorts(new short[] {7, -1, 300});
        }
        ByteBuffer d = ByteBuffer.wrap(Files.readAllBytes(ids), 128, 6).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new short[] {d.getShort(), d.getShort(), d.getShort()}).containsExactly(7, -1, 300);
    }

    @Test
    void rowsOfTheWrongSizeOrTypeAreRefusedWithTheFileNamed(@TempDir Path dir) {
        try (NpyWriter w = new NpyWriter(dir.resolve("b.npy"), NpyWriter.Dtype.UINT8, 4)) {
            assertThatThrownBy(() -> w.appendBytes(new byte[3])).hasMessageContaining("b.npy");
            assertThatThrownBy(() -> w.appendFloats(new float[4])).hasMessageContaining("UINT8");
        }
    }
}
