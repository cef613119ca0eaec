package org.memnav.recordings.mcap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every chunk and unchunked message run of a file, and per channel the subset that may hold its messages
 * (a chunk's Message Index offsets name its channels; a chunk without them may hold any). Grows while a live
 * file is written: a new chunk is appended to each of its channels' lists in place (chunks arrive in time
 * order), so a long live run costs no re-sorting; an out-of-order chunk makes that list sort itself again.
 */
final class SourceTable {
    /** One channel's sources in start-time order; the arrays are shared with the views handed out. */
    private static final class Lane {
        MessageSource[] sources;
        long[] maxEnd;
        int size;
        ChannelSources view;

        Lane(ChannelSources sorted) {
            sources = new MessageSource[Math.max(16, sorted.size())];
            maxEnd = new long[sources.length];
            for (int i = 0; i < sorted.size(); i++) {
                sources[i] = sorted.get(i);
                maxEnd[i] = sorted.maxEndUpTo(i);
            }
            size = sorted.size();
            view = sorted;
        }

        /** False when {@code s} starts before the last source (the lane must be rebuilt sorted). */
        boolean append(MessageSource s) {
            if (size > 0 && ChannelSources.ORDER.compare(s, sources[size - 1]) < 0) {
                return false;
            }
            if (size == sources.length) {
                sources = Arrays.copyOf(sources, size * 2); // views keep the old arrays
                maxEnd = Arrays.copyOf(maxEnd, size * 2);
            }
            sources[size] = s;
            maxEnd[size] = size == 0 ? s.endTime() : ChannelSources.maxUnsigned(maxEnd[size - 1], s.endTime());
            size++;
            view = null;
            return true;
        }

        ChannelSources view() {
            if (view == null) {
                view = new ChannelSources(sources, maxEnd, size);
            }
            return view;
        }
    }

    private final List<MessageSource> sources = new ArrayList<>();
    private final Map<Integer, Lane> lanes = new HashMap<>();

    SourceTable(List<MessageSource> initial) {
        sources.addAll(initial);
    }

    synchronized void add(MessageSource source) {
        sources.add(source);
        List<Integer> unsorted = new ArrayList<>();
        for (Map.Entry<Integer, Lane> e : lanes.entrySet()) {
            if (mayHold(source, e.getKey()) && !e.getValue().append(source)) {
                unsorted.add(e.getKey());
            }
        }
        unsorted.forEach(lanes::remove); // rebuilt sorted on next use
    }

    synchronized int size() {
        return sources.size();
    }

    synchronized ChannelSources forChannel(int channelId) {
        return lanes.computeIfAbsent(channelId, id -> {
            List<MessageSource> candidates = new ArrayList<>();
            for (MessageSource s : sources) {
                if (mayHold(s, id)) {
                    candidates.add(s);
                }
            }
            return new Lane(ChannelSources.of(candidates));
        }).view();
    }

    private static boolean mayHold(MessageSource source, int channelId) {
        if (source instanceof MessageSource.ChunkSource chunk && !chunk.index().messageIndexOffsets().isEmpty()) {
            return chunk.index().messageIndexOffsets().containsKey(channelId);
        }
        return true;
    }
}
