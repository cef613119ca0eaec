package org.memnav.recordings.compare;

/** Which subtask: the episode's index within its recording and the subtask's index within the episode. */
public record SubtaskKey(int episodeIndex, int subtaskIndex) implements Comparable<SubtaskKey> {
    @Override
    public int compareTo(SubtaskKey o) {
        int c = Integer.compare(episodeIndex, o.episodeIndex);
        return c != 0 ? c : Integer.compare(subtaskIndex, o.subtaskIndex);
    }

    @Override
    public String toString() {
        return "episode " + episodeIndex + " subtask " + subtaskIndex;
    }
}
