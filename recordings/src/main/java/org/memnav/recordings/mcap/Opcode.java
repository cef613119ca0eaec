package org.memnav.recordings.mcap;

/** MCAP record opcodes (spec section "Records"). */
final class Opcode {
    static final int HEADER = 0x01;
    static final int FOOTER = 0x02;
    static final int SCHEMA = 0x03;
    static final int CHANNEL = 0x04;
    static final int MESSAGE = 0x05;
    static final int CHUNK = 0x06;
    static final int MESSAGE_INDEX = 0x07;
    static final int CHUNK_INDEX = 0x08;
    static final int ATTACHMENT = 0x09;
    static final int ATTACHMENT_INDEX = 0x0A;
    static final int STATISTICS = 0x0B;
    static final int METADATA = 0x0C;
    static final int METADATA_INDEX = 0x0D;
    static final int SUMMARY_OFFSET = 0x0E;
    static final int DATA_END = 0x0F;

    /** Opcode byte plus the uint64 content length that prefix every record. */
    static final int RECORD_PREFIX_BYTES = 9;

    private Opcode() {
    }

    /** Human name for error messages. */
    static String name(int opcode) {
        return switch (opcode) {
            case HEADER -> "Header";
            case FOOTER -> "Footer";
            case SCHEMA -> "Schema";
            case CHANNEL -> "Channel";
            case MESSAGE -> "Message";
            case CHUNK -> "Chunk";
            case MESSAGE_INDEX -> "Message Index";
            case CHUNK_INDEX -> "Chunk Index";
            case ATTACHMENT -> "Attachment";
            case ATTACHMENT_INDEX -> "Attachment Index";
            case STATISTICS -> "Statistics";
            case METADATA -> "Metadata";
            case METADATA_INDEX -> "Metadata Index";
            case SUMMARY_OFFSET -> "Summary Offset";
            case DATA_END -> "Data End";
            default -> String.format("unknown record 0x%02X", opcode);
        };
    }
}
