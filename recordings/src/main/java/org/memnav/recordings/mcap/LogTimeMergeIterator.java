package org.memnav.recordings.mcap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Yields the messages of many sources in log-time order while holding only the sources whose time spans
 * overlap the current position: a source is loaded once its start time is not after the earliest message
 * still pending, so time-ordered chunks are decoded one at a time.
 */
final class LogTimeMergeIterator implements Iterator<McapMessage> {
    private final MessageLoader loader;
    private final MessageFilter filter;
    private final Deque<MessageSource> pending;
    private final PriorityQueue<Cursor> active = new PriorityQueue<>(Comparator.comparing(Cursor::current));

    LogTimeMergeIterator(List<MessageSource> sources, MessageLoader loader, MessageFilter filter) {
        this.loader = loader;
        this.filter = filter;
        List<MessageSource> relevant = new ArrayList<>();
        for (MessageSource s : sources) {
            if (filter.overlaps(s.startTime(), s.endTime())) {
                relevant.add(s);
            }
        }
        relevant.sort(Comparator.comparing(MessageSource::startTime, Long::compareUnsigned)
                .thenComparingLong(MessageSource::fileOffset));
        this.pending = new ArrayDeque<>(relevant);
    }

    @Override
    public boolean hasNext() {
        loadDueSources();
        return !active.isEmpty();
    }

    @Override
    public McapMessage next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Cursor cursor = active.poll();
        McapMessage message = cursor.current().message();
        if (cursor.advance()) {
            active.add(cursor);
        }
        return message;
    }

    private void loadDueSources() {
        while (!pending.isEmpty() && (active.isEmpty()
                || Long.compareUnsigned(pending.peekFirst().startTime(), active.peek().current().message().logTimeNs()) <= 0)) {
            MessageSource source = pending.pollFirst();
            try {
                List<PositionedMessage> messages = loader.load(source, filter);
                if (!messages.isEmpty()) {
                    active.add(new Cursor(messages));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class Cursor {
        private final List<PositionedMessage> messages;
        private int index;

        Cursor(List<PositionedMessage> messages) {
            this.messages = messages;
        }

        PositionedMessage current() {
            return messages.get(index);
        }

        boolean advance() {
            return ++index < messages.size();
        }
    }
}
