package org.memnav.simbridge.protocol;

/** Element types of blobs, by their numpy names; all multi-byte types are little-endian on the wire. */
public enum Dtype {
    BOOL("bool", 1),
    INT8("int8", 1),
    UINT8("uint8", 1),
    INT16("int16", 2),
    UINT16("uint16", 2),
    FLOAT16("float16", 2),
    INT32("int32", 4),
    UINT32("uint32", 4),
    FLOAT32("float32", 4),
    INT64("int64", 8),
    UINT64("uint64", 8),
    FLOAT64("float64", 8);

    private final String numpyName;
    private final int itemSize;

    Dtype(String numpyName, int itemSize) {
        this.numpyName = numpyName;
        this.itemSize = itemSize;
    }

    public String numpyName() {
        return numpyName;
    }

    public int itemSize() {
        return itemSize;
    }

    /** The dtype with this numpy name, or null. */
    public static Dtype fromNumpyName(String name) {
        for (Dtype d : values()) {
            if (d.numpyName.equals(name)) {
                return d;
            }
        }
        return null;
    }
}
