package org.memnav.recordings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.memnav.recordings.TestRecordings.SHAPE;
import static org.memnav.recordings.TestRecordings.START_NS;
import static org.memnav.recordings.TestRecordings.record;

/** What `memnav recording info` reports: channels and counts, time range and steps, chunks, completeness. */
class RecordingInfoTest {
    @TempDir
    Path dir;

    @Test
    void describesACompleteAndARecoveredRecording() throws IOException {
        Path file = record(dir.resolve("run.mcap"), SHAPE);
        RecordingInfo info = RecordingInfo.read(file);
        assertThat(info.complete()).isTrue();
        assertThat(info.profile()).isEqualTo(RunTopics.PROFILE);
        assertThat(info.channels()).extracting(RecordingInfo.Channel::topic).containsExactlyInAnyOrderElementsOf(RunTopics.ALL);
        assertThat(info.channels()).filteredOn(c -> c.topic().equals(RunTopics.POSE)).singleElement()
                .satisfies(c -> assertThat(c.messages()).isEqualTo(600));
        assertThat(info.channels()).filteredOn(c -> c.topic().equals(RunTopics.ENCODER_TOKENS)).singleElement()
                .satisfies(c -> assertThat(c.schema()).isEmpty());
        assertThat(info.messages()).isEqualTo(info.channels().stream().mapToLong(RecordingInfo.Channel::messages).sum());
        assertThat(info.startTimeNs()).isEqualTo(START_NS);
        assertThat(info.steps()).isEqualTo(600);
        assertThat(info.durationSeconds()).isEqualTo(59.9);
        assertThat(info.chunks().count()).isGreaterThan(5);
        assertThat(info.chunks().compressions()).containsExactly("zstd");
        assertThat(info.chunks().compressionRatio()).isGreaterThan(1);
        assertThat(info.chunks().maxUncompressedBytes()).isGreaterThanOrEqualTo(info.chunks().medianUncompressedBytes());

        byte[] bytes = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.mcap");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 3));
        RecordingInfo recovered = RecordingInfo.read(cut);
        assertThat(recovered.complete()).isFalse();
        assertThat(recovered.recoveryReason()).contains("Footer");
        assertThat(recovered.messages()).isPositive().isLessThan(info.messages());
        assertThat(recovered.steps()).isBetween(1, 599);
    }
}
