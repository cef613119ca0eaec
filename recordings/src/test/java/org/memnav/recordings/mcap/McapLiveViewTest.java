package org.memnav.recordings.mcap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.memnav.recordings.mcap.McapTimeQueryTest.assertSame;
import static org.memnav.recordings.mcap.McapTimeQueryTest.expectedLatestAt;
import static org.memnav.recordings.mcap.MessageAssertions.assertSameMessages;

/** A file still being written answers the same queries as the finished file, flushed chunk or not. */
class McapLiveViewTest {
    @TempDir
    Path dir;

    @Test
    void answersFromFlushedChunksAndTheChunkBeingFilled() throws IOException {
        Path file = dir.resolve("live.mcap");
        List<SampleRecording.Written> written = new ArrayList<>();
        Random random = new Random(2);
        try (McapWriter writer = McapWriter.open(file, McapWriterOptions.defaults().withChunkSize(8 * 1024))) {
            int pose = writer.addChannel(0, "/pose", "x-raw", Map.of());
            try (McapLiveView view = writer.openLiveView(McapReaderOptions.defaults().withCacheBudget(32 * 1024))) {
                assertThat(view.startTimeNs()).isEmpty();
                assertThat(view.latestAt("/pose", Long.MAX_VALUE)).isEmpty();
                int frame = writer.addChannel(0, "/frame", "x-raw", Map.of("late", "yes")); // added after the view opened
                for (int step = 0; step < 2000; step++) {
                    long t = 1_000_000_000L + step * 100_000_000L;
                    byte[] p = ("p" + step).getBytes(StandardCharsets.UTF_8);
                    writer.write(pose, step, t, t, p);
                    written.add(new SampleRecording.Written("/pose", step, t, t, p));
                    if (step % 10 == 0) {
                        byte[] f = new byte[700];
                        random.nextBytes(f);
                        writer.write(frame, step / 10, t, t, f);
                        written.add(new SampleRecording.Written("/frame", step / 10, t, t, f));
                    }
                    if (step % 97 == 0) {
                        long probe = 1_000_000_000L + (long) (random.nextDouble() * (t - 1_000_000_000L + 1));
                        for (String topic : List.of("/pose", "/frame")) {
                            assertSame(view.latestAt(topic, probe), expectedLatestAt(written, topic, probe), topic + " at step " + step);
                            assertSame(view.latestAt(topic, t), expectedLatestAt(written, topic, t), topic + " newest");
                        }
                        assertThat(view.endTimeNs()).hasValue(t);
                        assertThat(view.messageCount()).isEqualTo(written.size());
                        assertThat(view.writerOpen()).isTrue();
                    }
                }
                List<SampleRecording.Written> frames = written.stream().filter(w -> w.topic().equals("/frame")).toList();
                assertSameMessages(view.range("/frame", 0, Long.MAX_VALUE).stream().map(SampleRecording::of).toList(), frames);
                assertThat(view.cacheStats().peakBytes()).isLessThanOrEqualTo(32 * 1024);
                writer.close();
                assertThat(view.writerOpen()).isFalse();
                assertSame(view.latestAt("/pose", Long.MAX_VALUE), expectedLatestAt(written, "/pose", Long.MAX_VALUE), "after close");
                assertThat(view.channels().values()).extracting(McapChannel::topic).containsExactly("/pose", "/frame");
            }
        }
        try (McapReader reader = McapReader.open(file)) {
            assertThat(reader.messages().count()).isEqualTo(written.size());
        }
    }

    @Test
    void aViewOpenedMidRunSeesWhatCameBefore() throws IOException {
        Path file = dir.resolve("mid.mcap");
        try (McapWriter writer = McapWriter.open(file, McapWriterOptions.defaults().withChunkSize(1024))) {
            int ch = writer.addChannel(0, "/x", "x-raw", Map.of());
            for (int i = 0; i < 300; i++) {
                writer.write(ch, i, 10L + i, 10L + i, new byte[] {(byte) i});
            }
            try (McapLiveView view = writer.openLiveView(McapReaderOptions.defaults())) {
                assertThat(view.startTimeNs()).hasValue(10L);
                assertThat(view.endTimeNs()).hasValue(309L);
                assertThat(view.latestAt("/x", 150).orElseThrow().data()).containsExactly((byte) 140);
                assertThat(view.range("/x", 0, 1000)).hasSize(300);
                writer.write(ch, 300, 310, 310, new byte[] {44});
                assertThat(view.latestAt("/x", 1000).orElseThrow().sequence()).isEqualTo(300);
            }
        }
    }
}
