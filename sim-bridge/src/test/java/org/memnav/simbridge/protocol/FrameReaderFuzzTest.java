package org.memnav.simbridge.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the frame decoder: whatever bytes arrive, {@link FrameReader} either returns frames or
 * throws a {@link ProtocolException} with a reader's error code and a message; never another
 * exception, never a hang or an allocation beyond the limits. Every frame it accepts survives a
 * write/read round trip unchanged.
 *
 * <p>Default test run: Jazzer's regression mode replays the seed corpus in
 * {@code src/test/resources/.../FrameReaderFuzzTestInputs/decoderReadsOrRejectsAnyBytes/}, and
 * {@link #seededMutationsOfTheCorpusAreReadOrRejected} feeds a few thousand seeded random mutations
 * of it through the same check (about a second). Real coverage-guided fuzzing, on demand:
 * <pre>
 * JAZZER_FUZZ=1 mvn -pl sim-bridge test -Dtest=FrameReaderFuzzTest#decoderReadsOrRejectsAnyBytes   # 2 minutes
 * JAZZER_FUZZ=1 JAZZER_MAX_DURATION=30m mvn -pl sim-bridge test -Dtest=FrameReaderFuzzTest#decoderReadsOrRejectsAnyBytes
 * </pre>
 * A finding is saved next to the seeds (as {@code crash-*}) and replayed by every later default run.
 */
class FrameReaderFuzzTest {
    /** Small limits so the fuzzer reaches the limit checks and cannot make us allocate much. */
    private static final FrameLimits LIMITS = new FrameLimits(4096, 1 << 16);
    private static final Set<ErrorCode> READER_CODES = EnumSet.of(ErrorCode.BAD_MAGIC, ErrorCode.UNSUPPORTED_VERSION,
            ErrorCode.BAD_FRAME, ErrorCode.FRAME_TOO_LARGE, ErrorCode.BAD_JSON);
    private static final String CORPUS = "FrameReaderFuzzTestInputs/decoderReadsOrRejectsAnyBytes";
    /** Characters that turn valid JSON into nearly valid JSON. */
    private static final String JSON_NOISE = "{}[]\":,0-9eE.";

    private final WireJson json = new WireJson();

    @FuzzTest(maxDuration = "2m")
    void decoderReadsOrRejectsAnyBytes(byte[] input) {
        checkDecoding(input);
    }

    @Test
    void seededMutationsOfTheCorpusAreReadOrRejected() throws Exception {
        List<byte[]> seeds = corpus();
        assertThat(seeds).as("seed corpus").hasSizeGreaterThanOrEqualTo(8);
        Random random = new Random(20240607L);
        int accepted = 0;
        for (int i = 0; i < 4000; i++) {
            byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), random);
            accepted += checkDecoding(input);
        }
        assertThat(accepted).as("some mutations still decode, so the round-trip check ran").isPositive();
    }

    /** Decodes every frame in {@code input}; returns how many were accepted. */
    private int checkDecoding(byte[] input) {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(input), LIMITS, json);
        int frames = 0;
        try {
            Optional<Frame> frame;
            while ((frame = reader.read()).isPresent()) {
                assertRoundTrips(frame.get());
                frames++;
            }
        } catch (ProtocolException e) {
            assertThat(READER_CODES).as("reader error code for %s", e.getMessage()).contains(e.code());
            assertThat(e.getMessage()).isNotBlank();
            assertThat(e.requestId()).isNotNegative();
        } catch (IOException e) {
            fail("a byte array stream cannot fail, yet the reader reported " + e);
        }
        return frames;
    }

    private void assertRoundTrips(Frame frame) {
        for (Blob b : frame.blobs()) {
            assertThat(b.byteCount()).isEqualTo(Blob.byteCount(b.dtype(), b.shape()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new FrameWriter(out, FrameLimits.defaults(), json).write(ProtocolVersion.CURRENT, frame);
            Frame again = new FrameReader(new ByteArrayInputStream(out.toByteArray()), FrameLimits.defaults(), json)
                    .read().orElseThrow();
            assertThat(again.type()).isEqualTo(frame.type());
            assertThat(again.id()).isEqualTo(frame.id());
            assertThat(again.method()).isEqualTo(frame.method());
            assertThat(again.body()).isEqualTo(frame.body());
            assertThat(again.error()).isEqualTo(frame.error());
            assertThat(again.blobs()).hasSameSizeAs(frame.blobs());
            for (int i = 0; i < frame.blobs().size(); i++) {
                Blob a = frame.blobs().get(i);
                Blob b = again.blobs().get(i);
                assertThat(b.name()).isEqualTo(a.name());
                assertThat(b.hasShape(a.dtype(), a.shape())).isTrue();
                assertThat(b.data()).isEqualTo(a.data());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ProtocolException e) {
            fail("a frame the reader accepted could not be written back: " + e);
        }
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] out = seed.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && out.length > 0; e++) {
            int at = random.nextInt(out.length);
            switch (random.nextInt(5)) {
                case 0 -> out[at] = (byte) random.nextInt(256);                      // flip a byte
                case 1 -> out[at] ^= (byte) (1 << random.nextInt(8));               // flip a bit
                case 2 -> out = Arrays.copyOf(out, at);                   // truncate
                case 3 -> {                                                          // duplicate a slice
                    int len = Math.min(out.length - at, 1 + random.nextInt(16));
                    byte[] grown = Arrays.copyOf(out, out.length + len);
                    System.arraycopy(out, at, grown, out.length, len);
                    out = grown;
                }
                default -> out[at] = (byte) JSON_NOISE.charAt(random.nextInt(JSON_NOISE.length()));
            }
        }
        return out;
    }

    private List<byte[]> corpus() throws IOException, URISyntaxException {
        URL dir = getClass().getResource(CORPUS);
        assertThat(dir).as("seed corpus folder " + CORPUS + " on the test class path").isNotNull();
        List<byte[]> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            for (Path p : files.sorted().toList()) {
                try (InputStream in = Files.newInputStream(p)) {
                    seeds.add(in.readAllBytes());
                }
            }
        }
        return seeds;
    }
}
