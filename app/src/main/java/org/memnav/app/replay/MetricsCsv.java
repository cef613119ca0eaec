package org.memnav.app.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The metrics table as CSV: one row per finished subtask, the columns the Metrics tab shows (RFC 4180 quoting). */
public final class MetricsCsv {

    public static final String HEADER = "episode,subtask,goal,visit,success,spl,actions,memory_writes,end_step";

    private MetricsCsv() {
    }

    public static String of(List<SubtaskResult> results) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (SubtaskResult r : results) {
            out.append(r.episodeIndex()).append(',').append(r.subtaskIndex() + 1).append(',').append(quote(r.goal())).append(',')
                    .append(r.revisit() ? "revisit" : "first_visit").append(',').append(r.success() ? 1 : 0).append(',')
                    .append(String.format(Locale.ROOT, "%.4f", r.spl())).append(',').append(r.actions()).append(',')
                    .append(r.writes()).append(',').append(r.endStep()).append("\r\n");
        }
        return out.toString();
    }

    public static void write(List<SubtaskResult> results, Path file) throws IOException {
        ReportFiles.createParent(file);
        Files.writeString(file, of(results), StandardCharsets.UTF_8);
    }

    static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
