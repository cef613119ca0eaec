package org.memnav.recordings.mcap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Positional, thread-safe reads of byte ranges of one file, checked against the file's size. The size is taken
 * on open; {@link #refreshSize()} takes it again for a file that is still being written.
 */
final class FileRegionReader implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private volatile long size;

    FileRegionReader(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.size = channel.size();
    }

    Path file() {
        return file;
    }

    long size() {
        return size;
    }

    /** Re-reads the size of a file that grows while open (a recording in progress). */
    void refreshSize() throws IOException {
        size = channel.size();
    }

    /** Reads exactly [offset, offset + length); a range past the end of the file is a format problem. */
    byte[] read(long offset, long length, String what) throws IOException {
        long size = this.size;
        if (offset < 0 || length < 0 || offset > size || length > size - offset) {
            throw new McapFormatException(file, offset, what + " needs " + length + " bytes but the file has only "
                    + Math.max(0, size - offset) + " bytes from here (file size " + size + ")");
        }
        if (length > Integer.MAX_VALUE - 16) {
            throw new McapFormatException(file, offset, what + " is " + length + " bytes, more than this reader handles at once");
        }
        byte[] out = new byte[(int) length];
        ByteBuffer buffer = ByteBuffer.wrap(out);
        long at = offset;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new McapFormatException(file, at, what + ": file ended early (was it truncated while open?)");
            }
            at += n;
        }
        return out;
    }

    /** Reads up to {@code length} bytes, fewer at the end of the file. */
    byte[] readAvailable(long offset, int length) throws IOException {
        long n = Math.max(0, Math.min(length, size - offset));
        return read(offset, n, "read");
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
