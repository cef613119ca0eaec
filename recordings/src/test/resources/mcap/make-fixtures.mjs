// Regenerates the official-*.mcap fixtures with the official TypeScript writer (@mcap/core), so the
// Java reader is tested against files it did not write itself. Needs Node 20+, the npm packages
// @mcap/core, @mcap/nodejs and @foxglove/wasm-zstd, and the lz4 command-line tool (for linked-block
// lz4 chunks, the frame layout lz4's own tools and the C/Python MCAP writers produce).
//   npm install @mcap/core @mcap/nodejs @foxglove/wasm-zstd && node make-fixtures.mjs
import { McapWriter } from "@mcap/core";
import { FileHandleWritable } from "@mcap/nodejs";
import zstd from "@foxglove/wasm-zstd";
import { execFileSync } from "node:child_process";
import { open } from "node:fs/promises";

await zstd.isLoaded;
const encoder = new TextEncoder();
const time = (i) => 1_000_000_000n + BigInt(i) * 1_000_000n;

// Compressed fixtures get long, repetitive messages so chunks span several lz4 blocks; the others stay small.
async function write(path, padRepeats, options) {
  const pad = "memnav ".repeat(padRepeats);
  const handle = await open(path, "w");
  const writer = new McapWriter({ writable: new FileHandleWritable(handle), ...options });
  await writer.start({ profile: "x-fixture", library: "@mcap/core fixture" });
  const schemaId = await writer.registerSchema({
    name: "test.Number", encoding: "jsonschema",
    data: encoder.encode('{"type":"object","properties":{"i":{"type":"integer"},"pad":{"type":"string"}}}'),
  });
  const numbers = await writer.registerChannel({ topic: "/numbers", schemaId, messageEncoding: "json", metadata: new Map([["origin", "fixture"]]) });
  const raw = await writer.registerChannel({ topic: "/raw", schemaId: 0, messageEncoding: "x-raw", metadata: new Map() });
  await writer.addMetadata({ name: "fixture", metadata: new Map([["generator", "@mcap/core"]]) });
  for (let i = 0; i < 300; i++) {
    await writer.addMessage({ channelId: numbers, sequence: i, logTime: time(i), publishTime: time(i),
      data: encoder.encode(JSON.stringify({ i, pad })) });
    if (i % 3 === 2) {
      const j = (i - 2) / 3;
      // Written after /numbers(i) but logged between /numbers(i-2) and /numbers(i-1): out of file order.
      await writer.addMessage({ channelId: raw, sequence: j, logTime: time(i - 2) + 500n, publishTime: time(i - 2) + 500n,
        data: new Uint8Array([j & 0xff, (j + 1) & 0xff, (j + 2) & 0xff]) });
    }
    if (i === 150) {
      await writer.addAttachment({ name: "note.txt", mediaType: "text/plain", logTime: time(i), createTime: 0n,
        data: encoder.encode("attachments are skipped by the message reader") });
    }
  }
  await writer.end();
  await handle.close();
}

await write("official-unchunked.mcap", 2, { useChunks: false });
await write("official-zstd.mcap", 100, { chunkSize: 100_000,
  compressChunk: (data) => ({ compression: "zstd", compressedData: zstd.compress(data, 3) }) });
await write("official-lz4-linked.mcap", 100, { chunkSize: 100_000,
  compressChunk: (data) => ({ compression: "lz4",
    compressedData: new Uint8Array(execFileSync("lz4", ["-c", "-q", "-BD", "-B4", "--content-size"], { input: data })) }) });
await write("official-unindexed.mcap", 2, { chunkSize: 100_000, useStatistics: false, useSummaryOffsets: false,
  repeatSchemas: false, repeatChannels: false, useAttachmentIndex: false, useMetadataIndex: false,
  useChunkIndex: false });
