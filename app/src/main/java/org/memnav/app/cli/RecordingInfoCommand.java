package org.memnav.app.cli;

import org.memnav.recordings.RecordingInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code memnav recording info F}: channels, message counts, time range and chunk statistics of an MCAP file. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print an MCAP file's channels (encoding, schema, messages), time range, steps and chunk "
                + "statistics; says whether the file is complete or was recovered from a crash.")
public final class RecordingInfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE.mcap", description = "The recording.")
    Path file;

    @Option(names = "--json", description = "Print a one-line JSON summary as the last line.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such recording: " + file);
        }
        RecordingInfo info = RecordingInfo.read(file);
        PrintWriter out = spec.commandLine().getOut();
        TextTable channels = new TextTable("id", "topic", "encoding", "schema", "messages", "rate_hz");
        for (RecordingInfo.Channel c : info.channels()) {
            channels.row(c.id(), c.topic(), c.messageEncoding(), c.schema().isEmpty() ? "-" : c.schema(), c.messages(),
                    info.durationSeconds() > 0 ? f2(c.messages() / info.durationSeconds()) : "-");
        }
        out.print(channels.render());
        RecordingInfo.Chunks k = info.chunks();
        TextTable summary = new TextTable("property", "value");
        summary.row("file", info.file() + " (" + mb(info.bytes()) + ")")
                .row("state", info.complete() ? "complete (summary and footer present)" : "recovered: " + info.recoveryReason())
                .row("profile / library", (info.profile().isEmpty() ? "-" : info.profile()) + " / " + info.library())
                .row("messages", info.messages() + " in " + info.channels().size() + " channels, " + info.schemas() + " schemas")
                .row("time range", info.messages() == 0 ? "-" : Instant.ofEpochSecond(0, info.startTimeNs()) + " .. "
                        + Instant.ofEpochSecond(0, info.endTimeNs()) + " (" + f2(info.durationSeconds()) + " s)")
                .row("steps", info.steps() < 0 ? "- (not a MemNav run)" : Integer.toString(info.steps()))
                .row("chunks", k.count() + " " + String.join("/", k.compressions()) + ", " + mb(k.uncompressedBytes()) + " -> "
                        + mb(k.compressedBytes()) + " (ratio " + f2(k.compressionRatio()) + ")")
                .row("chunk size (uncompressed)", "min " + kb(k.minUncompressedBytes()) + ", median "
                        + kb(k.medianUncompressedBytes()) + ", max " + kb(k.maxUncompressedBytes()));
        out.println();
        out.print(summary.render());
        if (json) {
            List<Map<String, Object>> channelList = new ArrayList<>();
            for (RecordingInfo.Channel c : info.channels()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", c.id());
                m.put("topic", c.topic());
                m.put("message_encoding", c.messageEncoding());
                m.put("schema", c.schema());
                m.put("messages", c.messages());
                channelList.add(m);
            }
            new JsonReport().put("file", info.file().toString()).put("bytes", info.bytes()).put("complete", info.complete())
                    .put("summary_used", info.summaryUsed()).put("recovery_reason", info.recoveryReason())
                    .put("profile", info.profile()).put("library", info.library()).put("message_count", info.messages())
                    .put("channel_count", info.channels().size()).put("schema_count", info.schemas())
                    .put("start_time_ns", info.startTimeNs()).put("end_time_ns", info.endTimeNs())
                    .put("duration_s", info.durationSeconds()).put("steps", info.steps())
                    .put("chunk_count", k.count()).put("chunk_compressions", k.compressions())
                    .put("chunk_compressed_bytes", k.compressedBytes()).put("chunk_uncompressed_bytes", k.uncompressedBytes())
                    .put("compression_ratio", k.compressionRatio())
                    .put("chunk_uncompressed_min_bytes", k.minUncompressedBytes())
                    .put("chunk_uncompressed_median_bytes", k.medianUncompressedBytes())
                    .put("chunk_uncompressed_max_bytes", k.maxUncompressedBytes())
                    .put("channels", channelList).printTo(out);
        }
        out.flush();
        return 0;
    }

    static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String mb(long bytes) {
        return bytes >= 1_000_000 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1e6) : kb(bytes);
    }

    static String kb(long bytes) {
        return String.format(Locale.ROOT, "%.1f KB", bytes / 1e3);
    }
}
