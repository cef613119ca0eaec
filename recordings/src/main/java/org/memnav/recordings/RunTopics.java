package org.memnav.recordings;

import java.util.List;

/** The channels of a run recording; FORMAT.md describes each message. */
public final class RunTopics {
    public static final String CONFIG = "/run/config";
    public static final String POSE = "/agent/pose";
    public static final String ACTION = "/agent/action";
    public static final String SUBTASK = "/episode/subtask";
    public static final String RGB = "/observation/rgb";
    public static final String DEPTH = "/observation/depth";
    public static final String ENCODER_TOKENS = "/encoder/tokens";
    public static final String COMPRESSED_TOKENS = "/compressor/tokens";
    public static final String MEMORY_OPS = "/memory/ops";
    /** The memory tiers (core, episodic, semantic) when they change; tiered memory arms only. */
    public static final String MEMORY_TIERS = "/memory/tiers";
    public static final String DECISION = "/policy/decision";
    public static final String SUBTASK_METRICS = "/metrics/subtask";

    /** Every topic a run recording may have, in a stable order. */
    public static final List<String> ALL = List.of(CONFIG, POSE, ACTION, SUBTASK, RGB, DEPTH, ENCODER_TOKENS,
            COMPRESSED_TOKENS, MEMORY_OPS, MEMORY_TIERS, DECISION, SUBTASK_METRICS);

    /** Header profile of run recordings (custom profiles take the "x-" prefix). */
    public static final String PROFILE = "x-memnav-run";
    /** Name of the Metadata record that repeats the run config as flat key-value pairs. */
    public static final String METADATA_NAME = "memnav.run";
    /** Message encoding of the raw tensor channels: little-endian values, no schema (see FORMAT.md). */
    public static final String TENSOR_ENCODING = "x-memnav-tensor";

    private RunTopics() {
    }
}
