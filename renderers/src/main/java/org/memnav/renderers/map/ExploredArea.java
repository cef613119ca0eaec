package org.memnav.renderers.map;

/**
 * What the agent has seen so far, one byte per navigability-grid cell (same size and layout):
 * {@link #UNKNOWN}, {@link #FREE} or {@link #OCCUPIED}.
 */
public record ExploredArea(byte[] cells) {

    public static final byte UNKNOWN = 0;
    public static final byte FREE = 1;
    public static final byte OCCUPIED = 2;
}
