package org.memnav.inference.bench;

import org.memnav.inference.model.InferenceRuntime;
import org.memnav.inference.model.PatchEncoder;
import org.memnav.inference.model.RgbPreprocessor;
import org.memnav.inference.model.RuntimeSettings;
import org.memnav.simbridge.api.RgbImage;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Encoder latency on one intra-op thread: a benchmark, not a test (timings on shared cores are too
 * noisy to assert). Run: {@code java ... org.memnav.inference.bench.EncoderBenchmark [manifest]}.
 */
public final class EncoderBenchmark {

    /** Latency figures in milliseconds. */
    public record Result(String model, String provider, double medianMs, double p90Ms, double minMs,
                         double preprocessMedianMs, double resizedMedianMs) {
    }

    private static final int WARM_UP = 10;
    private static final int TIMED = 50;

    private EncoderBenchmark() {
    }

    public static Result measure(Path manifest) {
        RgbImage frame = noise(256, 256, 1);
        try (PatchEncoder encoder = PatchEncoder.open(manifest, new InferenceRuntime(RuntimeSettings.defaults()))) {
            double[] encode = time(encoder, frame);
            RgbPreprocessor preprocessor = RgbPreprocessor.forEncoder(encoder.geometry(), encoder.manifest());
            double[] preprocess = new double[TIMED];
            for (int i = 0; i < TIMED; i++) {
                long started = System.nanoTime();
                preprocessor.toChw(frame);
                preprocess[i] = (System.nanoTime() - started) / 1e6;
            }
            Arrays.sort(preprocess);
            double[] resized = time(encoder, noise(320, 240, 2));
            return new Result(encoder.name(), encoder.provider().label(), median(encode), encode[(int) (TIMED * 0.9)],
                    encode[0], median(preprocess), median(resized));
        }
    }

    public static void main(String[] args) {
        Path manifest = Path.of(args.length > 0 ? args[0] : "inference/models/encoder_vit_tiny.json");
        Result r = measure(manifest);
        System.out.printf(Locale.ROOT, "encoder %s on %s, 1 thread: 256x256 median %.2f ms, p90 %.2f ms, min %.2f ms "
                        + "(preprocessing median %.2f ms); 320x240 incl. resize median %.2f ms%n",
                r.model(), r.provider(), r.medianMs(), r.p90Ms(), r.minMs(), r.preprocessMedianMs(), r.resizedMedianMs());
    }

    private static double[] time(PatchEncoder encoder, RgbImage frame) {
        for (int i = 0; i < WARM_UP; i++) {
            encoder.encode(frame);
        }
        double[] millis = new double[TIMED];
        for (int i = 0; i < TIMED; i++) {
            encoder.encode(frame);
            millis[i] = encoder.lastLatencyMillis();
        }
        Arrays.sort(millis);
        return millis;
    }

    private static double median(double[] sorted) {
        return sorted[sorted.length / 2];
    }

    private static RgbImage noise(int width, int height, long seed) {
        byte[] data = new byte[width * height * 3];
        new Random(seed).nextBytes(data);
        return new RgbImage(width, height, data);
    }
}
