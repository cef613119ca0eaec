package org.memnav.recordings.mcap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a deterministic multi-channel file and remembers what it wrote, so tests can compare what a
 * reader returns with what went in.
 */
final class SampleRecording {
    /** One written message, in the reader's terms. */
    record Written(String topic, long sequence, long logTime, long publishTime, byte[] data) {
    }

    static final String JSON_TOPIC = "/json";
    static final String BLOB_TOPIC = "/blob";
    static final String SPARSE_TOPIC = "/sparse";
    static final byte[] JSON_SCHEMA = "{\"type\":\"object\",\"properties\":{\"i\":{\"type\":\"integer\"}}}"
            .getBytes(StandardCharsets.UTF_8);

    final List<Written> written = new ArrayList<>();

    /**
     * Writes {@code steps} steps: a JSON message every step, a random (incompressible) blob of
     * {@code blobBytes} every step and a sparse message every 97 steps whose log time lies 3 steps back,
     * so the file is not in log-time order.
     */
    static SampleRecording write(Path file, McapWriterOptions options, int steps, int blobBytes) throws IOException {
        SampleRecording sample = new SampleRecording();
        Random random = new Random(7);
        try (McapWriter writer = McapWriter.open(file, options)) {
            int jsonSchema = writer.addSchema("test.Step", "jsonschema", JSON_SCHEMA);
            int json = writer.addChannel(jsonSchema, JSON_TOPIC, "json", Map.of("unit", "step"));
            int blob = writer.addChannel(0, BLOB_TOPIC, "x-raw", Map.of());
            int sparse = writer.addChannel(jsonSchema, SPARSE_TOPIC, "json", Map.of());
            for (int step = 0; step < steps; step++) {
                long t = time(step);
                byte[] body = ("{\"i\":" + step + "}").getBytes(StandardCharsets.UTF_8);
                writer.write(json, step, t, t + 1, body);
                sample.written.add(new Written(JSON_TOPIC, step, t, t + 1, body));
                if (blobBytes > 0) {
                    byte[] bytes = new byte[blobBytes];
                    random.nextBytes(bytes);
                    writer.write(blob, step, t, t, bytes);
                    sample.written.add(new Written(BLOB_TOPIC, step, t, t, bytes));
                }
                if (step % 97 == 96) {
                    long earlier = time(step - 3) + 5;
                    byte[] note = ("{\"i\":" + (step - 3) + "}").getBytes(StandardCharsets.UTF_8);
                    writer.write(sparse, step / 97, earlier, earlier, note);
                    sample.written.add(new Written(SPARSE_TOPIC, step / 97, earlier, earlier, note));
                }
            }
            writer.writeMetadata("sample", Map.of("steps", Integer.toString(steps)));
        }
        return sample;
    }

    static long time(int step) {
        return 1_700_000_000_000_000_000L + step * 100_000_000L;
    }

    /** What a reader should return: stable-sorted by log time (equal times keep write order). */
    List<Written> inLogTimeOrder() {
        List<Written> sorted = new ArrayList<>(written);
        sorted.sort(Comparator.comparingLong(Written::logTime));
        return sorted;
    }

    static Written of(McapMessage m) {
        return new Written(m.topic(), m.sequence(), m.logTimeNs(), m.publishTimeNs(), m.data());
    }
}
