package org.memnav.recordings.mcap;

import java.nio.file.Path;

/**
 * A file is not valid MCAP (wrong magic, truncated record, bad CRC, impossible length...). Unchecked
 * so it can surface from message streams; {@link #file()}, {@link #offset()} and {@link #problem()}
 * say where and what.
 */
public class McapFormatException extends RuntimeException {
    private final Path file;
    private final long offset;
    private final String problem;

    public McapFormatException(Path file, long offset, String problem) {
        this(file, offset, problem, null);
    }

    public McapFormatException(Path file, long offset, String problem, Throwable cause) {
        super("invalid MCAP file " + file + " at offset " + offset + ": " + problem, cause);
        this.file = file;
        this.offset = offset;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    /** Byte offset from the start of the file where the problem was found. */
    public long offset() {
        return offset;
    }

    public String problem() {
        return problem;
    }
}
