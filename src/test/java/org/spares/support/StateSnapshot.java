package org.spares.support;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * Every row of every table of the service (Liquibase's own excepted), read in primary-key order: two equal
 * snapshots mean nothing changed. Tables are found from the database's metadata, so a table added later is
 * covered without touching this class.
 */
public record StateSnapshot(Map<String, List<String>> tables) {
    public static StateSnapshot of(Jdbi jdbi) {
        return jdbi.withHandle(handle -> {
            Map<String, List<String>> tables = new TreeMap<>();
            for (String table : tableNames(handle.getConnection())) {
                tables.put(table, handle.createQuery("SELECT * FROM " + table + " ORDER BY 1")
                        .map((rows, context) -> row(rows)).list());
            }
            return new StateSnapshot(tables);
        });
    }

    /** Row counts per table, for a short failure message. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        tables.forEach((table, rows) -> counts.put(table, rows.size()));
        return counts;
    }

    private static List<String> tableNames(Connection connection) {
        List<String> names = new ArrayList<>();
        try {
            DatabaseMetaData metadata = connection.getMetaData();
            try (ResultSet tables = metadata.getTables(connection.getCatalog(), connection.getSchema(), "%",
                    new String[] {"TABLE"})) {
                while (tables.next()) {
                    String name = tables.getString("TABLE_NAME");
                    // Liquibase's bookkeeping and the servers' heartbeat rows change on their own; they are not state
                    // that a request may or may not have changed.
                    String lower = name.toLowerCase();
                    if (!lower.startsWith("databasechangelog") && !lower.equals("instances")) {
                        names.add(name);
                    }
                }
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("cannot list the tables", failure);
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("no tables found: the snapshot would compare nothing");
        }
        return names;
    }

    private static String row(ResultSet rows) throws SQLException {
        StringBuilder row = new StringBuilder();
        for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
            row.append(column == 1 ? "" : " | ").append(rows.getString(column));
        }
        return row.toString();
    }
}
