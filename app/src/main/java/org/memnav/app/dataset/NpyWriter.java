package org.memnav.app.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Streams rows into a numpy {@code .npy} file (format 1.0, little-endian, C order) whose first
 * dimension grows as rows are appended. The header is written with room to spare and rewritten with
 * the final row count on {@link #close()}, so numpy reads the file with {@code np.load}.
 */
public final class NpyWriter implements AutoCloseable {

    /** The numpy dtypes the exporter writes, with their descr string and element size. */
    public enum Dtype {
        UINT8("|u1", 1), INT16("<i2", 2), INT32("<i4", 4), FLOAT16("<f2", 2), FLOAT32("<f4", 4);

        final String descr;
        final int bytes;

        Dtype(String descr, int bytes) {
            this.descr = descr;
            this.bytes = bytes;
        }
    }

    private static final int HEADER_BYTES = 128; // magic + version + length + dict, padded: fits any shape we write
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};

    private final Path path;
    private final FileChannel channel;
    private final Dtype dtype;
    private final int[] rowShape;
    private final int rowElements;
    private final ByteBuffer row;
    private long rows;

    public NpyWriter(Path path, Dtype dtype, int... rowShape) {
        this.path = path;
        this.dtype = dtype;
        this.rowShape = rowShape.clone();
        this.rowElements = Arrays.stream(rowShape).reduce(1, (a, b) -> a * b);
        this.row = ByteBuffer.allocate(rowElements * dtype.bytes).order(ByteOrder.LITTLE_ENDIAN);
        try {
            this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
            channel.write(header(0), 0);
            channel.position(HEADER_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + path + ": " + e.getMessage(), e);
        }
    }

    public void appendBytes(byte[] values) {
        requireLength(values.length, Dtype.UINT8);
        row.clear();
        row.put(values);
        writeRow();
    }

    public void appendShorts(short[] values) {
        requireLength(values.length, Dtype.INT16);
        row.clear();
        row.asShortBuffer().put(values);
        row.position(values.length * 2);
        writeRow();
    }

    public void appendInts(int[] values) {
        requireLength(values.length, Dtype.INT32);
        row.clear();
        row.asIntBuffer().put(values);
        row.position(values.length * 4);
        writeRow();
    }

    /** Appends one row of floats, stored as float32 or, for a FLOAT16 file, rounded to half precision. */
    public void appendFloats(float[] values) {
        if (values.length != rowElements || (dtype != Dtype.FLOAT32 && dtype != Dtype.FLOAT16)) {
            throw new IllegalArgumentException(path.getFileName() + ": row of " + values.length + " floats, expected "
                    + rowElements + " " + dtype);
        }
        row.clear();
        for (float v : values) {
            if (dtype == Dtype.FLOAT32) {
                row.putFloat(v);
            } else {
                row.putShort(Float.floatToFloat16(v));
            }
        }
        writeRow();
    }

    private void requireLength(int length, Dtype expected) {
        if (length != rowElements || dtype != expected) {
            throw new IllegalArgumentException(path.getFileName() + ": row of " + length + " " + expected + ", expected "
                    + rowElements + " " + dtype);
        }
    }

    private void writeRow() {
        row.flip();
        try {
            while (row.hasRemaining()) {
                channel.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
        rows++;
    }

    public long rows() {
        return rows;
    }

    private ByteBuffer header(long rowCount) {
        String shape = rowCount + ", " + Arrays.stream(rowShape).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        if (rowShape.length == 0) {
            shape = rowCount + ",";
        }
        String dict = "{'descr': '" + dtype.descr + "', 'fortran_order': False, 'shape': (" + shape + "), }";
        int dictSpace = HEADER_BYTES - MAGIC.length - 2;
        if (dict.length() + 1 > dictSpace) {
            throw new IllegalStateException("npy header too long for " + path);
        }
        String padded = dict + " ".repeat(dictSpace - dict.length() - 1) + "\n";
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.put(MAGIC).putShort((short) dictSpace).put(padded.getBytes(StandardCharsets.US_ASCII));
        return header.flip();
    }

    @Override
    public void close() {
        try (channel) {
            channel.write(header(rows), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish " + path + ": " + e.getMessage(), e);
        }
    }
}
