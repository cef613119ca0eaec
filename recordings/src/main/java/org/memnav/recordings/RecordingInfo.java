package org.memnav.recordings;

import org.memnav.recordings.mcap.McapChannel;
import org.memnav.recordings.mcap.McapChunkIndex;
import org.memnav.recordings.mcap.McapReader;
import org.memnav.recordings.mcap.McapSchema;
import org.memnav.recordings.mcap.McapStatistics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What {@code memnav recording info} reports about an MCAP file: whether it is complete, its channels with
 * message counts, its time range (and steps, for a run recording) and its chunks. Read from the summary, or
 * from a scan for a file cut short; no message is decoded except a run's {@code /run/config}.
 *
 * @param recoveryReason why the file was recovered by scanning; null for a complete file
 * @param steps          steps covered (last step + 1) for a run recording, -1 for other MCAP files
 */
public record RecordingInfo(Path file, long bytes, String profile, String library, boolean summaryUsed,
                            String recoveryReason, long messages, List<Channel> channels, int schemas, long startTimeNs,
                            long endTimeNs, int steps, Chunks chunks) {

    /** One channel: id, topic, encodings, schema name ("" for none) and message count. */
    public record Channel(int id, String topic, String messageEncoding, String schema, long messages) {
    }

    /**
     * Chunk statistics; sizes are of the chunk records' payloads.
     *
     * @param compressions distinct compressions, "none" for uncompressed chunks
     */
    public record Chunks(int count, List<String> compressions, long compressedBytes, long uncompressedBytes,
                         long minUncompressedBytes, long medianUncompressedBytes, long maxUncompressedBytes) {
        /** Uncompressed over compressed bytes (1 for an empty file). */
        public double compressionRatio() {
            return compressedBytes == 0 ? 1 : uncompressedBytes / (double) compressedBytes;
        }
    }

    public boolean complete() {
        return recoveryReason == null;
    }

    public double durationSeconds() {
        return messages == 0 ? 0 : (endTimeNs - startTimeNs) / 1e9;
    }

    /**
     * @throws org.memnav.recordings.mcap.McapFormatException if the file is not MCAP or is damaged beyond recovery
     */
    public static RecordingInfo read(Path file) throws IOException {
        try (McapReader reader = McapReader.open(file)) {
            McapStatistics stats = reader.statistics().orElse(null);
            Map<Integer, McapSchema> schemas = reader.schemas();
            List<Channel> channels = new ArrayList<>();
            for (McapChannel c : reader.channels().values()) {
                McapSchema schema = schemas.get(c.schemaId());
                long count = stats == null ? 0 : stats.channelMessageCounts().getOrDefault(c.id(), 0L);
                channels.add(new Channel(c.id(), c.topic(), c.messageEncoding(), schema == null ? "" : schema.name(), count));
            }
            long messages = stats == null ? 0 : stats.messageCount();
            long start = reader.startTimeNs().orElse(0L);
            long end = reader.endTimeNs().orElse(0L);
            int steps = -1;
            if (reader.channel(RunTopics.CONFIG).isPresent() && messages > 0) {
                try {
                    steps = RunMessageDecoder.forRecording(reader).timeline().stepAt(end) + 1;
                } catch (IOException e) {
                    steps = -1; // a damaged config: still report the file as MCAP
                }
            }
            return new RecordingInfo(file, reader.fileSize(), reader.header().profile(), reader.header().library(),
                    reader.summaryUsed(), reader.recoveryReason().orElse(null), messages, List.copyOf(channels),
                    schemas.size(), start, end, steps, chunks(reader.chunkIndexes()));
        }
    }

    private static Chunks chunks(List<McapChunkIndex> indexes) {
        long compressed = 0;
        long uncompressed = 0;
        long[] sizes = new long[indexes.size()];
        TreeSet<String> compressions = new TreeSet<>();
        for (int i = 0; i < indexes.size(); i++) {
            McapChunkIndex c = indexes.get(i);
            compressed += c.compressedSize();
            uncompressed += c.uncompressedSize();
            sizes[i] = c.uncompressedSize();
            compressions.add(c.compression().isEmpty() ? "none" : c.compression());
        }
        Arrays.sort(sizes);
        return new Chunks(indexes.size(), List.copyOf(compressions), compressed, uncompressed,
                sizes.length == 0 ? 0 : sizes[0], sizes.length == 0 ? 0 : sizes[sizes.length / 2],
                sizes.length == 0 ? 0 : sizes[sizes.length - 1]);
    }
}
