package org.memnav.recordings.mcap;

/** A stretch of the file that holds messages: a chunk, or a run of messages written outside chunks. */
sealed interface MessageSource {
    long startTime();

    long endTime();

    long fileOffset();

    /** A chunk, located by its (read or reconstructed) Chunk Index. */
    record ChunkSource(McapChunkIndex index) implements MessageSource {
        @Override
        public long startTime() {
            return index.messageStartTimeNs();
        }

        @Override
        public long endTime() {
            return index.messageEndTimeNs();
        }

        @Override
        public long fileOffset() {
            return index.chunkStartOffset();
        }
    }

    /** Consecutive data-section records [offset, offset + length) containing unchunked messages. */
    record LooseMessageRun(long fileOffset, long length, long startTime, long endTime) implements MessageSource {
    }
}
