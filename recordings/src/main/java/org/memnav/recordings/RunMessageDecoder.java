package org.memnav.recordings;

import org.memnav.recordings.codec.CompressedImageProto;
import org.memnav.recordings.codec.RawImageProto;
import org.memnav.recordings.mcap.McapChannel;
import org.memnav.recordings.mcap.McapMessage;
import org.memnav.recordings.mcap.McapQueries;
import org.memnav.recordings.mcap.McapReader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Turns the raw messages of a run recording's channels into typed records, knowing the recording's timeline
 * (steps) and token layout. Used by {@link RunRecording} and by anything holding raw samples from an
 * episode source or a playback snapshot. Malformed messages raise {@link IOException} naming the problem.
 */
public final class RunMessageDecoder {
    private final RunMessageCodec codec = new RunMessageCodec();
    private final RunConfig config;
    private final RunTimeline timeline;
    private final RecordingCadence cadence;

    private RunMessageDecoder(RunConfig config, RunTimeline timeline, RecordingCadence cadence) {
        this.config = config;
        this.timeline = timeline;
        this.cadence = cadence;
    }

    /**
     * The decoder for a recording, from its {@code /run/config} message.
     *
     * @throws IOException if the file has no config message (not a MemNav run, or cut off before its first chunk)
     */
    public static RunMessageDecoder forRecording(McapQueries recording) throws IOException {
        List<McapMessage> configs = recording.range(RunTopics.CONFIG, 0, -1L);
        if (configs.isEmpty()) {
            throw new IOException(describe(recording) + " has no " + RunTopics.CONFIG + " message; it is not a MemNav run "
                    + "recording, or it was cut off before its first chunk was written");
        }
        RunMessageCodec.ConfigMessage c;
        try {
            c = new RunMessageCodec().decodeConfig(configs.get(0).data());
        } catch (IOException | RuntimeException e) {
            throw new IOException(describe(recording) + ": bad " + RunTopics.CONFIG + " message: " + e.getMessage(), e);
        }
        return new RunMessageDecoder(c.config(), c.timeline(), c.cadence());
    }

    private static String describe(McapQueries recording) {
        return recording instanceof McapReader r ? r.file().toString() : "the recording";
    }

    public RunConfig config() {
        return config;
    }

    public RunTimeline timeline() {
        return timeline;
    }

    public RecordingCadence cadence() {
        return cadence;
    }

    public PoseSample pose(McapMessage m) throws IOException {
        return codec.decodePose(m.data(), m.logTimeNs());
    }

    public ActionSample action(McapMessage m) throws IOException {
        return codec.decodeAction(m.data(), m.logTimeNs());
    }

    public SubtaskEvent subtask(McapMessage m) throws IOException {
        return codec.decodeSubtask(m.data(), m.logTimeNs(), config.episodeId());
    }

    public SubtaskMetrics subtaskMetrics(McapMessage m) throws IOException {
        return codec.decodeSubtaskMetrics(m.data());
    }

    public MemoryOperation memoryOperation(McapMessage m) throws IOException {
        return codec.decodeMemoryOperation(m.data());
    }

    public MemoryTiers memoryTiers(McapMessage m) throws IOException {
        return codec.decodeMemoryTiers(m.data());
    }

    public PolicyDecision decision(McapMessage m) throws IOException {
        return codec.decodeDecision(m.data());
    }

    public RgbFrame rgb(McapMessage m) throws IOException {
        CompressedImageProto.CompressedImage image = CompressedImageProto.decode(m.data());
        return new RgbFrame(timeline.stepAt(m.logTimeNs()), m.logTimeNs(), image.format(), image.data());
    }

    public DepthFrame depth(McapMessage m) throws IOException {
        RawImageProto.RawImage image = RawImageProto.decode(m.data());
        if (!image.encoding().equals("32FC1")) {
            throw new IOException("depth frame has encoding '" + image.encoding() + "', expected 32FC1");
        }
        long expected = (long) image.width() * image.height() * Float.BYTES;
        if (image.step() != image.width() * Float.BYTES || image.data().length != expected) {
            throw new IOException("depth frame of " + image.width() + "x" + image.height() + " has step " + image.step()
                    + " and " + image.data().length + " bytes, expected " + expected);
        }
        float[] metres = new float[image.width() * image.height()];
        ByteBuffer.wrap(image.data()).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(metres);
        return new DepthFrame(timeline.stepAt(m.logTimeNs()), m.logTimeNs(), image.width(), image.height(), metres);
    }

    /** A token tensor message; dtype and shape come from its channel's metadata. */
    public TokenFrame tokens(McapMessage m) throws IOException {
        McapChannel channel = m.channel();
        String dtypeName = channel.metadata().get("memnav.dtype");
        String shape = channel.metadata().get("memnav.shape");
        if (dtypeName == null || shape == null) {
            throw new IOException(channel.topic() + " has no memnav.dtype / memnav.shape metadata");
        }
        try {
            TensorDtype dtype = TensorDtype.fromWireName(dtypeName);
            String[] dims = shape.split(",");
            if (dims.length != 2) {
                throw new IOException(channel.topic() + " shape '" + shape + "' is not [tokens, dim]");
            }
            int tokens = Integer.parseInt(dims[0].strip());
            int dim = Integer.parseInt(dims[1].strip());
            if (tokens <= 0 || dim <= 0 || (long) tokens * dim * dtype.bytesPerValue() != m.data().length) {
                throw new IOException(channel.topic() + " message of " + m.data().length + " bytes does not hold "
                        + shape + " " + dtypeName + " values");
            }
            return new TokenFrame(timeline.stepAt(m.logTimeNs()), m.logTimeNs(), dtype,
                    new TokenTensor(tokens, dim, dtype.decode(m.data())));
        } catch (IllegalArgumentException e) {
            throw new IOException(channel.topic() + ": " + e.getMessage(), e);
        }
    }
}
