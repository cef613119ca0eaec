package org.memnav.simbridge.client;

import java.util.HashMap;
import java.util.Map;

/**
 * Arrays a caller lends to {@link SimClient#step(org.memnav.simbridge.api.Action, ReceiveBuffers)} so that
 * observations are read into the same memory every step instead of about 2 MB of fresh arrays per 640x480
 * frame (their allocation and the collections they cause cost more than a third of the bridge's throughput).
 *
 * <p>An observation received into these buffers is valid until the next call that uses them: its images
 * wrap the lent arrays. Copy what must outlive that. One caller at a time: a call with these buffers must
 * finish before the next starts. A blob whose size changes gets a new array, kept for the calls after.
 */
public final class ReceiveBuffers {
    private final Map<String, byte[]> arrays = new HashMap<>();

    /** The array kept for {@code blobName} if it has {@code length} bytes, else a new one that replaces it. */
    synchronized byte[] arrayFor(String blobName, int length) {
        byte[] kept = arrays.get(blobName);
        if (kept == null || kept.length != length) {
            kept = new byte[length];
            arrays.put(blobName, kept);
        }
        return kept;
    }

    /** Bytes currently lent out, over all blobs. */
    public synchronized long bytes() {
        return arrays.values().stream().mapToLong(a -> a.length).sum();
    }
}
