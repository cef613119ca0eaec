package org.memnav.recordings.mcap;

import java.nio.file.Path;

/** The file may be valid MCAP but uses something this reader does not support (a chunk compression). */
public class McapUnsupportedException extends McapFormatException {
    public McapUnsupportedException(Path file, long offset, String problem) {
        super(file, offset, problem);
    }
}
