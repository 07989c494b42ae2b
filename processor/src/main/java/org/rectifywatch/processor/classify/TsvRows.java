package org.rectifywatch.processor.classify;

import java.util.ArrayList;
import java.util.List;

/** The rows of a tab-separated data file: blank lines and {@code #} comments skipped, column count checked. */
final class TsvRows {
    record Row(int line, String[] fields) {
    }

    private TsvRows() {
    }

    static List<Row> of(String tsv, String name, int columns, String layout) {
        List<Row> rows = new ArrayList<>();
        String[] lines = tsv.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replace("\r", "");
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != columns) {
                throw new IllegalArgumentException(name + " line " + (i + 1) + ": expected " + layout + "; fix the line");
            }
            rows.add(new Row(i + 1, f));
        }
        return rows;
    }
}
