package org.memnav.recordings;

/** The channels of a run recording; FORMAT.md describes each message. */
public final class RunTopics {
    public static final String CONFIG = "/run/config";
    public static final String POSE = "/agent/pose";
    public static final String ACTION = "/agent/action";
    public static final String SUBTASK = "/episode/subtask";
    public static final String RGB = "/observation/rgb";

    /** Header profile of run recordings (custom profiles take the "x-" prefix). */
    public static final String PROFILE = "x-memnav-run";
    /** Name of the Metadata record that repeats the run config as flat key-value pairs. */
    public static final String METADATA_NAME = "memnav.run";

    private RunTopics() {
    }
}
