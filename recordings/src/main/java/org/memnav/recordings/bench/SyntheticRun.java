package org.memnav.recordings.bench;

import org.memnav.recordings.MemoryOperation;
import org.memnav.recordings.MemoryTiers;
import org.memnav.recordings.PolicyDecision;
import org.memnav.recordings.RunConfig;
import org.memnav.recordings.RunRecorder;
import org.memnav.recordings.TokenTensor;
import org.memnav.simbridge.api.Action;
import org.memnav.simbridge.api.DepthImage;
import org.memnav.simbridge.api.EpisodeSpec;
import org.memnav.simbridge.api.Goal;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.RgbImage;
import org.memnav.simbridge.api.SubtaskOutcome;
import org.memnav.simbridge.api.Vec3;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A deterministic, generated navigation run with every channel a real run has (pose, action, subtasks and
 * metrics, RGB and depth frames, encoder and compressed tokens, memory operations, decisions), for the
 * recordings benchmark and for tests: every value is a function of the seed and the step, so a reader's
 * answer can be checked against {@link #pose}, {@link #rgb}, {@link #tokens} and the rest without keeping
 * what was written. Frames are procedural rooms with sensor-like noise, so PNG and zstd see realistic data;
 * tokens are unit-variance noise, as incompressible as real ViT tokens.
 */
public final class SyntheticRun {

    /**
     * The run's dimensions.
     *
     * @param framesEvery   RGB and depth every this many steps (what the app records)
     * @param decisionEvery a decision (encoder, memory write, tokens) every this many steps
     * @param subtaskSteps  steps per subtask
     * @param memoryLength  frames the FIFO memory holds
     */
    public record Shape(int steps, int width, int height, int tokens, int tokenDim, int framesEvery, int decisionEvery,
                        int subtaskSteps, int memoryLength, long seed) {
        public Shape {
            if (steps < 1 || width < 1 || height < 1 || tokens < 1 || tokenDim < 1 || framesEvery < 1 || decisionEvery < 1
                    || subtaskSteps < 2 || memoryLength < 1) {
                throw new IllegalArgumentException("every dimension of a synthetic run must be positive: " + this);
            }
        }

        /** The app's settings: 256x256 frames every 10 steps, 16x16 ViT-tiny tokens of 128, a decision every 15 steps. */
        public static Shape appLike(int steps, long seed) {
            return new Shape(steps, 256, 256, 256, 128, 10, 15, 500, 50, seed);
        }

        public int subtasks() {
            return (steps + subtaskSteps - 1) / subtaskSteps;
        }

        /** Bytes of one memory frame (float32 tokens, as the agent's memory holds them). */
        public long frameBytes() {
            return (long) tokens * tokenDim * Float.BYTES;
        }
    }

    private final Shape shape;
    private final int pool;
    private final Map<Integer, RgbImage> rgbPool = new HashMap<>();
    private final Map<Integer, DepthImage> depthPool = new HashMap<>();
    private final Map<Integer, TokenTensor> tokenPool = new HashMap<>();
    private final Deque<long[]> memory = new ArrayDeque<>(); // {frame id, frame step}
    private long nextFrameId = 1;

    public SyntheticRun(Shape shape) {
        this(shape, 0);
    }

    /**
     * With {@code framePool > 0}, frames and tokens repeat with period {@code framePool} (per frame or decision)
     * and are generated once: the benchmark then times the recorder (PNG, zstd, indexing), not the generator.
     * Repeats are far apart (many chunks), so compression gains nothing from them.
     */
    public SyntheticRun(Shape shape, int framePool) {
        if (framePool < 0) {
            throw new IllegalArgumentException("frame pool must be >= 0, got " + framePool);
        }
        this.shape = shape;
        this.pool = framePool;
    }

    /** Generates the frame and token pool up front (nothing to do without a pool). */
    public void preparePool() {
        for (int i = 0; i < pool; i++) {
            rgb(i * shape.framesEvery());
            depth(i * shape.framesEvery());
            tokens(i * shape.decisionEvery());
        }
    }

    public Shape shape() {
        return shape;
    }

    /** The config the run is recorded with. */
    public RunConfig config() {
        List<Goal> goals = new ArrayList<>();
        for (int i = 0; i < shape.subtasks(); i++) {
            goals.add(goal(i));
        }
        EpisodeSpec spec = new EpisodeSpec("synthetic-" + shape.seed(), "synthetic:rooms?seed=" + shape.seed(), shape.seed(),
                pose(shape.seed(), 0), goals);
        return RunConfig.forEpisode(spec, Map.of("encoder", "synthetic-tokens"), "CPU")
                .withMemory(shape.memoryLength(), 1)
                .withSettings(Map.of("generator", "SyntheticRun"));
    }

    /** Records step {@code step}; call for 0, 1, 2, ... in order. */
    public void record(RunRecorder recorder, int step) throws IOException {
        int subtaskIndex = step / shape.subtaskSteps();
        if (step % shape.subtaskSteps() == 0) {
            recorder.recordSubtaskStarted(step, subtaskIndex, goal(subtaskIndex));
        }
        if (step > 0) {
            recorder.recordAction(step, action(step));
        }
        recorder.recordPose(step, pose(shape.seed(), step), step % 23 == 7);
        if (step % shape.framesEvery() == 0) {
            recorder.recordRgb(step, rgb(step));
            recorder.recordDepth(step, depth(step));
        }
        if (step % shape.decisionEvery() == 0) {
            recorder.recordDecision(decision(step));
            TokenTensor tokens = tokens(step);
            recorder.recordEncoderTokens(step, tokens, 8.5);
            recorder.recordCompressedTokens(step, tokens);
            if (memory.size() == shape.memoryLength()) {
                long[] evicted = memory.removeFirst();
                recorder.recordMemoryOperation(new MemoryOperation(step, MemoryOperation.Kind.EVICT, evicted[0],
                        (int) evicted[1], shape.tokens(), shape.frameBytes(), memory.size(), memory.size() * shape.frameBytes()));
            }
            memory.addLast(new long[] {nextFrameId, step});
            recorder.recordMemoryOperation(new MemoryOperation(step, MemoryOperation.Kind.WRITE, nextFrameId++, step,
                    shape.tokens(), shape.frameBytes(), memory.size(), memory.size() * shape.frameBytes()));
            // The tiers as a tiered memory arm would log them: goal and pose, the frames held, no facts.
            recorder.recordMemoryTiers(new MemoryTiers(step, subtaskIndex, goal(subtaskIndex).category(), pose(shape.seed(), step),
                    null, memory.stream().map(f -> new MemoryTiers.EpisodicFrame(f[0], (int) f[1], pose(shape.seed(), (int) f[1])))
                    .toList(), List.of(), List.of()));
        }
        boolean subtaskEnds = step % shape.subtaskSteps() == shape.subtaskSteps() - 1 || step == shape.steps() - 1;
        if (subtaskEnds) {
            recorder.recordSubtaskEnded(step, outcome(subtaskIndex, step));
        }
    }

    /** Records the whole run. */
    public void recordAll(RunRecorder recorder) throws IOException {
        for (int step = 0; step < shape.steps(); step++) {
            record(recorder, step);
        }
    }

    public static Pose pose(long seed, int step) {
        double angle = step * 0.01 + seed;
        return new Pose(new Vec3(5 * Math.cos(angle) + 0.001 * step, 0, 5 * Math.sin(angle)), Pose.wrap(angle + Math.PI / 2));
    }

    public static Action action(int step) {
        return switch (step % 5) {
            case 0, 1, 2 -> Action.MOVE_FORWARD;
            case 3 -> Action.TURN_LEFT;
            default -> Action.TURN_RIGHT;
        };
    }

    public static Goal goal(int subtaskIndex) {
        String[] categories = {"chair", "bed", "sofa", "plant", "tv", "toilet"};
        return Goal.category(categories[subtaskIndex % categories.length]);
    }

    public SubtaskOutcome outcome(int subtaskIndex, int step) {
        boolean success = subtaskIndex % 4 != 3;
        int actions = step - subtaskIndex * shape.subtaskSteps() + 1;
        double shortest = 3 + subtaskIndex % 7;
        double path = shortest * (1.2 + 0.1 * (subtaskIndex % 3));
        return new SubtaskOutcome(subtaskIndex, goal(subtaskIndex), success, success ? shortest / path : 0, shortest, path,
                actions, success ? 0.4 : 2.5, !success);
    }

    public PolicyDecision decision(int step) {
        SplittableRandom r = random(step, 3);
        Vec3 here = pose(shape.seed(), step).position();
        List<PolicyDecision.Candidate> candidates = new ArrayList<>();
        int best = 0;
        for (int i = 0; i < 4; i++) {
            boolean remembered = i == 3 && step % 45 == 0; // every third decision heads for a remembered goal
            double cost = remembered ? 0.5 : 1 + r.nextDouble() * 8;
            candidates.add(new PolicyDecision.Candidate(remembered ? "memory:chair#4" : "frontier",
                    new Vec3(here.x() + r.nextDouble() * 4 - 2, 0, here.z() + r.nextDouble() * 4 - 2), cost));
            if (cost < candidates.get(best).score()) {
                best = i;
            }
        }
        boolean remembered = candidates.get(best).kind().startsWith("memory:");
        return new PolicyDecision(step, remembered ? PolicyDecision.Mode.MEMORY_GUIDED : PolicyDecision.Mode.EXPLORATION,
                candidates.get(best).point(), best, remembered ? "goal 'chair' seen before" : "nearest frontier", candidates);
    }

    /** Procedural room: walls and floor in a few colours that drift with the step, plus sensor noise. */
    public RgbImage rgb(int step) {
        if (pool > 0) {
            int key = (step / shape.framesEvery()) % pool;
            return rgbPool.computeIfAbsent(key, k -> generateRgb(k * shape.framesEvery()));
        }
        return generateRgb(step);
    }

    private RgbImage generateRgb(int step) {
        int w = shape.width();
        int h = shape.height();
        byte[] px = new byte[w * h * 3];
        SplittableRandom noise = random(step, 1);
        int horizon = h / 2 + (int) (h / 8 * Math.sin(step * 0.05));
        int doorLeft = (int) ((step * 3L) % w);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r;
                int g;
                int b;
                if (y > horizon) {
                    r = 120 + (y - horizon) / 3;
                    g = 90 + (y - horizon) / 4;
                    b = 60;
                } else if (x >= doorLeft && x < doorLeft + w / 6) {
                    r = 70;
                    g = 50;
                    b = 40;
                } else {
                    r = 200 - y / 4;
                    g = 190 - y / 5;
                    b = 170 + (x * 20) / w;
                }
                int n = noise.nextInt(7) - 3;
                int i = (y * w + x) * 3;
                px[i] = (byte) Math.clamp(r + n, 0, 255);
                px[i + 1] = (byte) Math.clamp(g + n, 0, 255);
                px[i + 2] = (byte) Math.clamp(b + n, 0, 255);
            }
        }
        return new RgbImage(w, h, px);
    }

    /** Depth of the same room: floor distance below the horizon, a wall above it, small noise. */
    public DepthImage depth(int step) {
        if (pool > 0) {
            int key = (step / shape.framesEvery()) % pool;
            return depthPool.computeIfAbsent(key, k -> generateDepth(k * shape.framesEvery()));
        }
        return generateDepth(step);
    }

    private DepthImage generateDepth(int step) {
        int w = shape.width();
        int h = shape.height();
        float[] metres = new float[w * h];
        SplittableRandom noise = random(step, 2);
        int horizon = h / 2 + (int) (h / 8 * Math.sin(step * 0.05));
        float wall = (float) (2 + 1.5 * Math.cos(step * 0.02));
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float d = y > horizon ? Math.min(wall, 1.31f * h / (2f * (y - horizon) + 1)) : wall + 0.002f * Math.abs(x - w / 2);
                metres[y * w + x] = d + (float) (noise.nextDouble() * 0.01);
            }
        }
        return new DepthImage(w, h, metres);
    }

    /** Unit-variance tokens of the frame seen at {@code step}. */
    public TokenTensor tokens(int step) {
        if (pool > 0) {
            int key = (step / shape.decisionEvery()) % pool;
            return tokenPool.computeIfAbsent(key, k -> generateTokens(k * shape.decisionEvery()));
        }
        return generateTokens(step);
    }

    private TokenTensor generateTokens(int step) {
        SplittableRandom r = random(step, 4);
        float[] values = new float[shape.tokens() * shape.tokenDim()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) gaussian(r);
        }
        return new TokenTensor(shape.tokens(), shape.tokenDim(), values);
    }

    private SplittableRandom random(int step, int stream) {
        return new SplittableRandom(shape.seed() * 1_000_003L + step * 31L + stream);
    }

    private static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
