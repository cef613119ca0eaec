package org.memnav.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memnav.app.replay.LoadedRun;
import org.memnav.app.replay.MetricsCsv;
import org.memnav.app.replay.SubtaskResult;
import org.memnav.app.ui.RecordedRunFixture;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Metrics CSV and the HTML episode report of a real recording, through {@code memnav recording report}. */
class RecordingReportCommandTest {

    @TempDir
    static Path dir;
    static Path recording;
    static List<SubtaskResult> results;

    @BeforeAll
    static void record() throws Exception {
        recording = RecordedRunFixture.record(dir, 400, "semantic-sensor", 16, 20, "semantic-seed7.mcap");
        try (LoadedRun run = LoadedRun.open(recording)) {
            results = run.history().momentAt(run.history().lastStep()).results();
        }
    }

    @Test
    void theReportAndCsvHoldEveryFinishedSubtaskAndAnEmbeddedMap() throws Exception {
        Path html = dir.resolve("out/report.html");   // a folder that does not exist yet
        Path csv = dir.resolve("out/metrics.csv");
        CommandOutcome r = CommandOutcome.execute("recording", "report", recording.toString(), "--out", html.toString(),
                "--csv", csv.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(results).as("the 400-step fixture finishes a subtask").isNotEmpty();

        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.getFirst()).isEqualTo(MetricsCsv.HEADER);
        assertThat(lines).hasSize(results.size() + 1);
        SubtaskResult first = results.getFirst();
        assertThat(lines.get(1).split(",")).startsWith(Integer.toString(first.episodeIndex()), Integer.toString(first.subtaskIndex() + 1));
        assertThat(lines.get(1)).contains(first.success() ? ",1," : ",0,").endsWith("," + first.endStep());

        String page = Files.readString(html);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("semantic-sensor").contains("16×").contains("<table id=\"metrics\">");
        assertThat(page).contains("<td>" + first.goal().replace("&", "&amp;") + "</td>").contains("<td>" + first.endStep() + "</td>");
        Matcher png = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(page);
        assertThat(png.find()).isTrue();
        var map = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(png.group(1))));
        assertThat(map.getWidth()).isGreaterThan(100);                 // a real decodable PNG, the map
        assertThat(page).doesNotContain("src=\"http").doesNotContain("src=\"file");   // self-contained

        JsonNode json = r.lastLineJson();
        assertThat(json.get("subtasks_finished").asInt()).isEqualTo(results.size());
        assertThat(json.get("images").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(json.get("report_bytes").asLong()).isEqualTo(Files.size(html));
    }

    @Test
    void aMissingRecordingOrAFolderAsOutputIsRefusedInOneLine() {
        CommandOutcome missing = CommandOutcome.execute("recording", "report", dir.resolve("nope.mcap").toString(), "--out",
                dir.resolve("r.html").toString());
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.err().strip()).startsWith("memnav: ").contains("nope.mcap");
        CommandOutcome folder = CommandOutcome.execute("recording", "report", recording.toString(), "--out", dir.toString());
        assertThat(folder.exit()).isNotZero();
        assertThat(folder.err().strip()).startsWith("memnav: ").contains("is a folder");
        assertThat(CommandOutcome.execute("recording", "report", "--help").out()).contains("--out").contains("--csv");
    }
}
