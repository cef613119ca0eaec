package org.memnav.app.replay;

import org.memnav.renderers.map.ArgbImage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run as one self-contained HTML file: the run's configuration, its totals, the top-down map at the last step
 * and the memory (and, for live runs, policy latency) plots as embedded PNG data URIs, and the per-subtask
 * metrics table. No JavaFX: the window's File ▸ Export and {@code memnav recording report} write the same file.
 */
public final class EpisodeReport {

    private static final int MAP_PIXELS_PER_CELL = 3;

    private final String title;
    private final Map<String, String> config;
    private final Map<String, String> totals;
    private final List<SubtaskResult> results;
    private final Map<String, byte[]> images;

    private EpisodeReport(String title, Map<String, String> config, Map<String, String> totals, List<SubtaskResult> results,
                          Map<String, byte[]> images) {
        this.title = title;
        this.config = config;
        this.totals = totals;
        this.results = results;
        this.images = images;
    }

    /** The report of {@code run} as far as it got; {@code source} names it (a file name, or "live run"). */
    public static EpisodeReport of(LoadedRun run, String source) {
        RunHistory h = run.history();
        RunMoment end = h.momentAt(h.lastStep());
        RunHistory.RunSetup s = h.setup();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("source", source);
        config.put("scene", s.sceneRef() + " (" + h.layout().sceneId() + ")");
        config.put("agent", s.agent());
        config.put("compression rate", s.rate() + "×");
        config.put("memory length", s.memoryLength() + " frames");
        config.put("sensor", s.sensorWidth() + "×" + s.sensorHeight());
        config.put("steps", Integer.toString(end.lastStep() + 1));
        config.put("run", s.description());
        Map<String, String> totals = new LinkedHashMap<>();
        totals.put("subtasks finished", end.results().size() + (end.subtaskCount() > 0 ? " of " + end.subtaskCount() : ""));
        totals.put("success rate", fmt(end.successRate()));
        totals.put("mean SPL", fmt(end.meanSpl()));
        totals.put("memory writes", Long.toString(end.writesSoFar()));
        totals.put("memory at the end", String.format(Locale.ROOT, "%d frames · %,d tokens · %.1f KB", end.memory().size(),
                end.memoryTokens(), end.memoryBytes() / 1024.0));
        Map<String, byte[]> images = new LinkedHashMap<>();
        ArgbImage map = new MomentMap(h.layout(), MAP_PIXELS_PER_CELL).render(h, end);
        images.put("Top-down map at step " + end.step(), png(map.toBufferedImage()));
        List<double[]> memory = new ArrayList<>();
        for (long[] p : h.memoryBytesSeries()) {
            memory.add(new double[] {p[0], p[1] / 1024.0});
        }
        if (!memory.isEmpty()) {
            memory.addFirst(new double[] {0, 0});
            memory.add(new double[] {end.lastStep(), memory.getLast()[1]});
        }
        images.put("Memory over the run", png(LinePlotImage.draw("memory held (KB)", "step", "KB", memory, true, 720, 260)));
        var latencies = h.decisionLatencies();
        if (!latencies.isEmpty()) {
            List<double[]> lat = new ArrayList<>();
            latencies.forEach((step, ms) -> lat.add(new double[] {step, ms}));
            images.put("Policy latency per decision", png(LinePlotImage.draw("policy latency (ms)", "step", "ms", lat, false, 720, 260)));
        }
        return new EpisodeReport(run.title(), config, totals, end.results(), images);
    }

    /** The images embedded, by caption (PNG bytes). */
    public Map<String, byte[]> images() {
        return images;
    }

    public String html() {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title)).append("</title>\n")
                .append("<style>body{font-family:sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin:8px 0 20px}")
                .append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}th{background:#f0f0f0}")
                .append("figure{display:inline-block;margin:0 16px 16px 0;vertical-align:top}img{border:1px solid #ccc;max-width:100%}")
                .append("</style></head><body>\n<h1>").append(esc(title)).append("</h1>\n<h2>Run configuration</h2>\n");
        keyValues(b, "config", config);
        b.append("<h2>Totals</h2>\n");
        keyValues(b, "totals", totals);
        b.append("<h2>Views</h2>\n");
        images.forEach((caption, bytes) -> b.append("<figure><img alt=\"").append(esc(caption)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(bytes)).append("\"><figcaption>").append(esc(caption))
                .append("</figcaption></figure>\n"));
        b.append("<h2>Subtasks</h2>\n<table id=\"metrics\"><thead><tr>");
        for (String h : MetricsCsv.HEADER.split(",")) {
            b.append("<th>").append(esc(h.replace('_', ' '))).append("</th>");
        }
        b.append("</tr></thead><tbody>\n");
        for (SubtaskResult r : results) {
            b.append("<tr>");
            for (String cell : List.of(Integer.toString(r.episodeIndex()), Integer.toString(r.subtaskIndex() + 1), r.goal(),
                    r.revisit() ? "revisit" : "first visit", r.success() ? "yes" : "no", String.format(Locale.ROOT, "%.2f", r.spl()),
                    Integer.toString(r.actions()), Long.toString(r.writes()), Integer.toString(r.endStep()))) {
                b.append("<td>").append(esc(cell)).append("</td>");
            }
            b.append("</tr>\n");
        }
        if (results.isEmpty()) {
            b.append("<tr><td colspan=\"9\">no subtask finished</td></tr>\n");
        }
        b.append("</tbody></table>\n</body></html>\n");
        return b.toString();
    }

    public void write(Path file) throws IOException {
        ReportFiles.createParent(file);
        Files.writeString(file, html(), StandardCharsets.UTF_8);
    }

    private static void keyValues(StringBuilder b, String id, Map<String, String> rows) {
        b.append("<table id=\"").append(id).append("\">\n");
        rows.forEach((k, v) -> b.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>\n"));
        b.append("</table>\n");
    }

    static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory: cannot happen short of a broken ImageIO
        }
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.2f", v);
    }
}
