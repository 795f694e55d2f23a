package org.spares.pages;

import java.util.List;

/**
 * One section of the finance page, loaded on its own request: its anchor id, its heading, and what it shows in
 * order. The page first shows every section's heading with a link to its address; htmx then loads each in its place.
 *
 * @param items null while not loaded
 */
public record ReportSection(String id, String heading, List<Item> items) {
    /** A bar chart, a line chart or a table with the address of its CSV. */
    public record Item(String kind, String id, Object content, String csv) {
        static Item bars(String id, Charts.BarChart chart) {
            return new Item("bars", id, chart, null);
        }

        static Item lines(String id, Charts.LineChart chart) {
            return new Item("lines", id, chart, null);
        }

        static Item table(String id, ReportTable table, String csv) {
            return new Item("table", id, table, csv);
        }
    }

    public boolean isLoaded() {
        return items != null;
    }
}
