package org.memnav.recordings.mcap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs {@link MessageLookup} queries for every channel of a topic and merges the answers. */
final class TopicQueries {
    static final Comparator<McapMessage> LOG_TIME = Comparator.comparing(McapMessage::logTimeNs, Long::compareUnsigned);

    private TopicQueries() {
    }

    static List<Integer> channelIds(ChannelRegistry registry, String topic) {
        List<Integer> ids = new ArrayList<>();
        for (McapChannel c : registry.channels().values()) {
            if (c.topic().equals(topic)) {
                ids.add(c.id());
            }
        }
        return ids;
    }

    /** The chunks that may hold each channel, taken together so a growing file is seen at one moment. */
    static Map<Integer, ChannelSources> sources(SourceTable table, List<Integer> channels) {
        Map<Integer, ChannelSources> out = new LinkedHashMap<>();
        for (int id : channels) {
            out.put(id, table.forChannel(id));
        }
        return out;
    }

    static McapMessage latestAt(MessageLookup lookup, Map<Integer, ChannelSources> channels, long t) throws IOException {
        McapMessage best = null;
        for (Map.Entry<Integer, ChannelSources> c : channels.entrySet()) {
            McapMessage m = lookup.latestAt(c.getValue(), c.getKey(), t);
            if (m != null && (best == null || Long.compareUnsigned(m.logTimeNs(), best.logTimeNs()) >= 0)) {
                best = m;
            }
        }
        return best;
    }

    static Long latestLogTime(MessageLookup lookup, Map<Integer, ChannelSources> channels, long t) throws IOException {
        Long best = null;
        for (Map.Entry<Integer, ChannelSources> c : channels.entrySet()) {
            Long time = lookup.latestLogTime(c.getValue(), c.getKey(), t);
            if (time != null && (best == null || Long.compareUnsigned(time, best) > 0)) {
                best = time;
            }
        }
        return best;
    }

    static List<Long> logTimes(MessageLookup lookup, Map<Integer, ChannelSources> channels, long from, long to)
            throws IOException {
        if (Long.compareUnsigned(from, to) > 0) {
            throw new IllegalArgumentException("range start " + Long.toUnsignedString(from) + " is after its end "
                    + Long.toUnsignedString(to));
        }
        List<Long> out = new ArrayList<>();
        for (Map.Entry<Integer, ChannelSources> c : channels.entrySet()) {
            lookup.logTimes(c.getValue(), c.getKey(), from, to, out);
        }
        out.sort(Long::compareUnsigned);
        return out;
    }

    static List<McapMessage> range(MessageLookup lookup, Map<Integer, ChannelSources> channels, long from, long to)
            throws IOException {
        if (Long.compareUnsigned(from, to) > 0) {
            throw new IllegalArgumentException("range start " + Long.toUnsignedString(from) + " is after its end "
                    + Long.toUnsignedString(to));
        }
        List<McapMessage> out = new ArrayList<>();
        for (Map.Entry<Integer, ChannelSources> c : channels.entrySet()) {
            out.addAll(lookup.range(c.getValue(), c.getKey(), from, to));
        }
        if (channels.size() > 1) {
            out.sort(LOG_TIME);
        }
        return out;
    }
}
