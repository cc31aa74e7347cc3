package org.jykka.shell;

import java.util.ArrayList;
import java.util.List;

/** Rows of text in left-aligned columns, two spaces apart, for a terminal. */
final class TextTable {

    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    TextTable(String... headers) {
        columns = headers.length;
        rows.add(headers.clone());
    }

    /** Adds a row; it must have one cell per header. */
    void add(String... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("A row needs " + columns + " cells, got " + cells.length);
        }
        rows.add(cells.clone());
    }

    /** The table, the header row first, each line ending in a line separator. */
    String render() {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(row[i]);
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            text.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return text.toString();
    }
}
