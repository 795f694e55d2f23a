package org.spares.db;

import java.util.Map;
import org.spares.domain.ListOrder;

/**
 * The SQL of a sorted list's page (docs/REFERENCE.md "Lists, CSV and content types"): {@code ORDER BY key, id} and the rows after the previous page's
 * last one, written {@code (key > :k OR (key = :k AND id > :id))} rather than as a row value {@code (key, id) >
 * (:k, :id)}, which MariaDB 10.11 does not turn into an index range. Column expressions come only from a DAO's own
 * map of allowed fields, never from the request; the key is a bound parameter ({@code :page.after...}).
 */
public final class Keyset {
    /** A sortable field: its column expression and which kind of key it is bound as. */
    public record Column(String sql, Kind kind) {
    }

    public enum Kind {
        NUMBER("afterNumber"), INSTANT("afterInstant"), TEXT("afterText");

        private final String parameter;

        Kind(String parameter) {
            this.parameter = parameter;
        }
    }

    private Keyset() {
    }

    public static Column number(String sql) {
        return new Column(sql, Kind.NUMBER);
    }

    public static Column instant(String sql) {
        return new Column(sql, Kind.INSTANT);
    }

    public static Column text(String sql) {
        return new Column(sql, Kind.TEXT);
    }

    /** The condition on rows after the previous page; {@code TRUE} on the first page. */
    public static String where(ListOrder order, String id, Map<String, Column> columns) {
        if (order.first()) {
            return "TRUE";
        }
        String compare = order.descending() ? " < " : " > ";
        String afterId = id + compare + ":page.afterId";
        if (ListOrder.ID.equals(order.field())) {
            return afterId;
        }
        Column column = column(order, columns);
        String key = ":page." + column.kind().parameter;
        return "(" + column.sql() + compare + key + " OR (" + column.sql() + " = " + key + " AND " + afterId + "))";
    }

    public static String orderBy(ListOrder order, String id, Map<String, Column> columns) {
        String direction = order.descending() ? " DESC" : "";
        if (ListOrder.ID.equals(order.field())) {
            return id + direction;
        }
        return column(order, columns).sql() + direction + ", " + id + direction;
    }

    private static Column column(ListOrder order, Map<String, Column> columns) {
        Column column = columns.get(order.field());
        if (column == null) {
            throw new IllegalArgumentException("no column for sort field " + order.field());
        }
        return column;
    }
}
