package org.memnav.recordings.mcap;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Compares message lists field by field, byte arrays by content. */
final class MessageAssertions {
    private MessageAssertions() {
    }

    static void assertSameMessages(List<SampleRecording.Written> actual, List<SampleRecording.Written> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            SampleRecording.Written a = actual.get(i);
            SampleRecording.Written e = expected.get(i);
            if (!a.topic().equals(e.topic()) || a.sequence() != e.sequence() || a.logTime() != e.logTime()
                    || a.publishTime() != e.publishTime() || !Arrays.equals(a.data(), e.data())) {
                fail("message " + i + " differs: got " + describe(a) + ", expected " + describe(e));
            }
        }
    }

    private static String describe(SampleRecording.Written w) {
        return w.topic() + " seq=" + w.sequence() + " log=" + w.logTime() + " pub=" + w.publishTime() + " "
                + w.data().length + " bytes";
    }
}
