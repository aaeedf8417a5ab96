package org.pana.registration.importing;

import java.util.List;

/** One row of an imported file: its number as the user sees it (the header is row 1) and its cells. */
record TableRow(int number, List<String> cells) {

    TableRow {
        cells = List.copyOf(cells);
    }

    String cell(int column) {
        return column < cells.size() ? cells.get(column) : "";
    }

    boolean blank() {
        return cells.stream().allMatch(String::isBlank);
    }
}
