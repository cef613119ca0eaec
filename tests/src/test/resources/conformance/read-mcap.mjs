// Reads MCAP files with the official TypeScript library (@mcap/core) and prints, per file, what it found as
// one JSON line: header, schemas, channels, statistics and the messages counted per channel by both the
// indexed reader (through the summary's chunk indexes) and the stream reader (every record in order, CRCs
// checked). McapCoreConformanceTest compares this with our Java reader.
//   node read-mcap.mjs FILE.mcap...      (needs @mcap/core and fzstd in node_modules next to it or on NODE_PATH)
import { McapIndexedReader, McapStreamReader } from "@mcap/core";
import { decompress } from "fzstd";
import { open, readFile } from "node:fs/promises";

const decompressHandlers = { zstd: (data, size) => decompress(data, new Uint8Array(Number(size))) };

class FileReadable {
  constructor(handle, size) { this.handle = handle; this.fileSize = size; }
  async size() { return this.fileSize; }
  async read(offset, length) {
    const out = new Uint8Array(Number(length));
    await this.handle.read(out, 0, Number(length), Number(offset));
    return out;
  }
}

function countBy(messages) {
  const counts = {};
  for (const m of messages) counts[m.channelId] = (counts[m.channelId] ?? 0) + 1;
  return counts;
}

async function indexed(path) {
  const handle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    const reader = await McapIndexedReader.Initialize({ readable: new FileReadable(handle, BigInt(size)), decompressHandlers });
    const perChannel = {};
    let total = 0;
    let first = null;
    let last = null;
    for await (const m of reader.readMessages()) {
      perChannel[m.channelId] = (perChannel[m.channelId] ?? 0) + 1;
      total++;
      if (first === null || m.logTime < first) first = m.logTime;
      if (last === null || m.logTime > last) last = m.logTime;
    }
    return {
      profile: reader.header.profile,
      library: reader.header.library,
      schemas: [...reader.schemasById.values()].map((s) => ({ id: s.id, name: s.name, encoding: s.encoding, dataBytes: s.data.length }))
        .sort((a, b) => a.id - b.id),
      channels: [...reader.channelsById.values()].map((c) => ({ id: c.id, topic: c.topic, messageEncoding: c.messageEncoding,
        schemaId: c.schemaId, metadata: Object.fromEntries([...c.metadata].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) })).sort((a, b) => a.id - b.id),
      statistics: reader.statistics == null ? null : {
        messageCount: reader.statistics.messageCount.toString(),
        channelMessageCounts: Object.fromEntries([...reader.statistics.channelMessageCounts].map(([k, v]) => [k, v.toString()])),
        chunkCount: reader.statistics.chunkCount,
      },
      chunkIndexes: reader.chunkIndexes.length,
      messages: total,
      messagesPerChannel: perChannel,
      firstLogTime: first === null ? null : first.toString(),
      lastLogTime: last === null ? null : last.toString(),
    };
  } finally {
    await handle.close();
  }
}

function streamed(bytes) {
  const reader = new McapStreamReader({ decompressHandlers, validateCrcs: true });
  reader.append(bytes);
  const messages = [];
  let record;
  while ((record = reader.nextRecord()) !== undefined) {
    if (record.type === "Message") messages.push(record);
  }
  if (!reader.done()) throw new Error("stream reader did not reach the end of the file");
  return { messages: messages.length, messagesPerChannel: countBy(messages) };
}

for (const path of process.argv.slice(2)) {
  const result = { file: path, indexed: await indexed(path), streamed: streamed(await readFile(path)) };
  console.log(JSON.stringify(result));
}
