package org.memnav.simbridge.protocol;

/**
 * Where {@link FrameReader} reads a blob's bytes: a fresh array by default, or one a caller lends so
 * that a stream of same-sized frames allocates nothing (see the client's {@code ReceiveBuffers}).
 */
@FunctionalInterface
public interface BlobArrays {

    /** Fresh arrays for every blob. */
    BlobArrays FRESH = (frameId, blobName, length) -> new byte[length];

    /**
     * An array of exactly {@code length} bytes for blob {@code blobName} of the frame with id {@code frameId};
     * the reader fills it completely and the received blob wraps it.
     */
    byte[] arrayFor(long frameId, String blobName, int length);
}
