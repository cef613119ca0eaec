package org.memnav.recordings.mcap;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Least-recently-used cache bounded by bytes rather than entries, so a reader's memory stays within a fixed
 * budget whatever the size of the file. An item larger than the whole budget is simply not kept.
 */
final class ByteBudgetCache<K, V> {
    private record Entry<V>(V value, long bytes) {
    }

    private final long budgetBytes;
    private final LinkedHashMap<K, Entry<V>> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long usedBytes;
    private long peakBytes;
    private long hits;
    private long misses;
    private long evictions;

    ByteBudgetCache(long budgetBytes) {
        if (budgetBytes < 0) {
            throw new IllegalArgumentException("cache budget must not be negative, got " + budgetBytes);
        }
        this.budgetBytes = budgetBytes;
    }

    /** The cached value, or null (counted as a miss). */
    synchronized V get(K key) {
        Entry<V> e = entries.get(key);
        if (e == null) {
            misses++;
            return null;
        }
        hits++;
        return e.value();
    }

    synchronized void put(K key, V value, long bytes) {
        if (bytes > budgetBytes) {
            return;
        }
        Entry<V> old = entries.put(key, new Entry<>(value, bytes));
        if (old != null) {
            usedBytes -= old.bytes();
        }
        usedBytes += bytes;
        Iterator<Map.Entry<K, Entry<V>>> oldestFirst = entries.entrySet().iterator();
        while (usedBytes > budgetBytes && oldestFirst.hasNext()) {
            Map.Entry<K, Entry<V>> eldest = oldestFirst.next();
            if (eldest.getKey().equals(key)) {
                continue;
            }
            usedBytes -= eldest.getValue().bytes();
            oldestFirst.remove();
            evictions++;
        }
        peakBytes = Math.max(peakBytes, usedBytes);
    }

    synchronized CacheStats stats(long chunksDecoded) {
        return new CacheStats(budgetBytes, usedBytes, peakBytes, entries.size(), hits, misses, evictions, chunksDecoded);
    }
}
