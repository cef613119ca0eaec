package org.memnav.recordings.mcap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Turns a {@link MessageSource} into its messages (filtered, sorted by log time), decoding chunks as needed. */
final class MessageLoader {
    private final FileRegionReader file;
    private final ChunkDecoder chunks;
    private final ChannelRegistry registry;

    MessageLoader(FileRegionReader file, ChunkDecoder chunks, ChannelRegistry registry) {
        this.file = file;
        this.chunks = chunks;
        this.registry = registry;
    }

    List<PositionedMessage> load(MessageSource source, MessageFilter filter) throws IOException {
        List<PositionedMessage> out = new ArrayList<>();
        switch (source) {
            case MessageSource.ChunkSource chunk -> {
                long offset = chunk.index().chunkStartOffset();
                byte[] records = chunks.readAndDecode(offset);
                collect(records, new ByteOrigin.ChunkBytes(file.file(), offset), offset, filter, out);
            }
            case MessageSource.LooseMessageRun run -> {
                byte[] records = file.read(run.fileOffset(), run.length(), "message run");
                collect(records, new ByteOrigin.FileBytes(file.file(), run.fileOffset()), run.fileOffset(), filter, out);
            }
        }
        Collections.sort(out);
        return out;
    }

    private void collect(byte[] records, ByteOrigin origin, long sourceOffset, MessageFilter filter,
                         List<PositionedMessage> out) {
        RecordCursor cursor = new RecordCursor(records, 0, records.length, origin);
        while (cursor.next()) {
            switch (cursor.opcode()) {
                case Opcode.SCHEMA -> registry.add(McapRecordParser.schema(cursor.content()));
                case Opcode.CHANNEL -> registry.add(McapRecordParser.channel(cursor.content()));
                case Opcode.MESSAGE -> {
                    LittleEndianReader in = cursor.content();
                    McapRecordParser.MessageHead head = McapRecordParser.messageHead(in);
                    McapChannel channel = registry.channel(head.channelId());
                    if (channel == null) {
                        throw origin.problem(cursor.recordStart(), "message on channel " + head.channelId()
                                + " which no earlier Channel record defines");
                    }
                    if (filter.acceptsTopic(channel.topic()) && filter.acceptsTime(head.logTime())) {
                        byte[] data = in.bytes(in.remaining(), "message data");
                        McapMessage message = new McapMessage(channel, head.sequence(), head.logTime(), head.publishTime(), data);
                        out.add(new PositionedMessage(message, sourceOffset, cursor.recordStart()));
                    }
                }
                default -> {
                    // Other records inside chunks or runs (attachments, indexes, extensions) carry no messages.
                }
            }
        }
    }
}
