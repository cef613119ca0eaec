package org.memnav.recordings.mcap;

import java.util.Arrays;

/** The (log time, offset) pairs of one channel's messages in the chunk being built. */
final class MessageIndexEntries {
    private long[] pairs = new long[32];
    private int count;

    void add(long logTime, long offset) {
        if (2 * count + 2 > pairs.length) {
            pairs = Arrays.copyOf(pairs, pairs.length * 2);
        }
        pairs[2 * count] = logTime;
        pairs[2 * count + 1] = offset;
        count++;
    }

    /** Orders entries by log time (then offset); readers may binary-search the index, so keep it sorted. */
    void sortByLogTime() {
        boolean sorted = true;
        for (int i = 1; i < count && sorted; i++) {
            sorted = Long.compareUnsigned(pairs[2 * i - 2], pairs[2 * i]) <= 0;
        }
        if (sorted) {
            return;
        }
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int byTime = Long.compareUnsigned(pairs[2 * a], pairs[2 * b]);
            return byTime != 0 ? byTime : Long.compare(pairs[2 * a + 1], pairs[2 * b + 1]);
        });
        long[] sortedPairs = new long[pairs.length];
        for (int i = 0; i < count; i++) {
            sortedPairs[2 * i] = pairs[2 * order[i]];
            sortedPairs[2 * i + 1] = pairs[2 * order[i] + 1];
        }
        pairs = sortedPairs;
    }

    int count() {
        return count;
    }

    long[] pairs() {
        return pairs;
    }
}
