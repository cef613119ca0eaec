package org.memnav.recordings.mcap;

/**
 * What a reader's chunk cache holds and has done: the fixed byte budget it stays within, the bytes held
 * now and at most so far, and how often a lookup found what it needed already decoded.
 *
 * @param budgetBytes   the most decoded bytes the cache keeps (entries larger than this are never kept)
 * @param usedBytes     decoded chunk records and index entries held now
 * @param peakBytes     the most ever held at once
 * @param entries       cached items now
 * @param hits          lookups served from the cache
 * @param misses        lookups that had to read the file
 * @param evictions     items dropped to stay within the budget
 * @param chunksDecoded chunk (or unchunked message run) reads that decoded records, cached or not
 */
public record CacheStats(long budgetBytes, long usedBytes, long peakBytes, int entries, long hits, long misses,
                         long evictions, long chunksDecoded) {

    /** Default reader cache budget: 256 MiB, whatever the size of the file. */
    public static final long DEFAULT_BUDGET_BYTES = 256L * 1024 * 1024;
}
