package org.memnav.recordings.mcap;

/** The Header record: the file's profile (e.g. "ros2", "x-memnav-run", or empty) and the writing library. */
public record McapHeader(String profile, String library) {
}
