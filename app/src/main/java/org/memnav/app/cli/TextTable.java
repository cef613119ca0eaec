package org.memnav.app.cli;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns, for the human-readable half of every report. */
public final class TextTable {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(String... headers) {
        this.headers = List.of(headers);
    }

    public TextTable row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + headers.size() + " columns");
        }
        List<String> r = new ArrayList<>();
        for (Object c : cells) {
            r.add(String.valueOf(c));
        }
        rows.add(r);
        return this;
    }

    public String render() {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> r : rows) {
                widths[i] = Math.max(widths[i], r.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, headers, widths);
        for (int i = 0; i < widths.length; i++) {
            sb.append("-".repeat(widths[i])).append(i == widths.length - 1 ? "\n" : "  ");
        }
        for (List<String> r : rows) {
            line(sb, r, widths);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] widths) {
        for (int i = 0; i < widths.length; i++) {
            String c = cells.get(i);
            sb.append(c).append(" ".repeat(widths[i] - c.length()));
            sb.append(i == widths.length - 1 ? "\n" : "  ");
        }
    }
}
