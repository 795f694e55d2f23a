package org.spares.db;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.spares.domain.CostTime;
import org.spares.domain.DepotScope;
import org.spares.domain.PartInfo;
import org.spares.domain.RunningTotals;

/**
 * The reports' reads. The big ones read one row per position (its running totals at an instant, from the
 * position row or the ledger's covering index), one depot at a time, and hand them to the caller depot by depot; the
 * small ones (depots, parts, one anchor row per part, a depot's targets) are read into maps first, because a
 * streaming MySQL result set allows no other statement on its connection while it is open.
 *
 * <p>Kept as Handle queries, not a SqlObject: both the SQL text and the fetch size depend on the database (the H2
 * and MySQL forms below; MySQL streams only at fetch size Integer.MIN_VALUE, which H2 refuses), and SqlObject's
 * annotations fix both per method.
 */
public final class ReportDao {
    /**
     * One depot's positions' running totals as of their last ledger row at or before :at ({@code before}: strictly
     * before); positions without one are absent. When no position has rows on both sides of :at (typically :at is
     * now, or before the first row) the position rows hold the answer: they keep their newest row's totals, and
     * ledger is not read at all. Otherwise each position's last instant comes from ix_ledger_position_totals and the
     * rows at that instant from the same covering index, in the form each database runs index-driven:
     * <ul>
     * <li>H2: for each of the depot's positions, one correlated {@code ORDER BY depot_id DESC, part_id DESC, at DESC
     * LIMIT 1}, which H2 answers by reading the index backwards and stopping at the first row. (H2 ran the
     * MAX(at) GROUP BY form below by scanning a position's rows once per row: quadratic in its rows.)
     * <li>MySQL/MariaDB: a loose index scan (MAX(at) per position, "Using index for group-by") joined back. MariaDB
     * runs the correlated form index-driven too, but it measured half as fast on the 1M-row benchmark (3.4-3.6 s
     * against 1.7-2.0 s for the 20 depots at one instant).
     * </ul>
     * Several rows of one position at that very instant all come back (with their id, {@code row_id}, from the
     * index's primary-key suffix); {@link #lastRowsOfDepot} keeps the highest id. No ORDER BY of the result and no
     * join with other tables: under a sort or inside a bigger join MariaDB picked plans of 3-90 s. Depot codes, skus
     * and targets are joined in Java.
     */
    static String lastRowsOfDepot(boolean fromLedger, boolean before, boolean mysql) {
        return lastRows(fromLedger, before, mysql, "p.depot_id = :depotId");
    }

    /** As {@link #lastRowsOfDepot}, for every depot of a {@link DepotScope} in one statement. */
    static String lastRowsInScope(boolean fromLedger, boolean before, boolean mysql) {
        return lastRows(fromLedger, before, mysql, "(:allDepots = TRUE OR p.depot_id IN (<depotIds>))");
    }

    private static String lastRows(boolean fromLedger, boolean before, boolean mysql, String depots) {
        String atOrBefore = before ? " < :at" : " <= :at";
        if (!fromLedger) {
            return """
                SELECT p.depot_id, p.part_id, 0 AS row_id, p.last_row_at AS at, p.on_hand AS on_hand,
                       p.cost_time_micros, p.unit_micros, p.value_micros, p.last_issue_at
                  FROM positions p
                 WHERE""" + " " + depots + " AND p.last_row_at" + atOrBefore;
        }
        if (mysql) {
            return """
                SELECT l.depot_id, l.part_id, l.id AS row_id, l.at, l.on_hand_after AS on_hand, l.cost_time_micros,
                       l.unit_micros, l.value_micros, l.last_issue_at
                  FROM (SELECT p.depot_id, p.part_id, MAX(p.at) AS at FROM ledger p
                         WHERE""" + " " + depots + " AND p.at" + atOrBefore + """

                         GROUP BY p.depot_id, p.part_id) m
                  JOIN ledger l ON l.depot_id = m.depot_id AND l.part_id = m.part_id AND l.at = m.at
                """;
        }
        return """
            SELECT l.depot_id, l.part_id, l.id AS row_id, l.at, l.on_hand_after AS on_hand, l.cost_time_micros,
                   l.unit_micros, l.value_micros, l.last_issue_at
              FROM positions p
              JOIN ledger l ON l.depot_id = p.depot_id AND l.part_id = p.part_id
               AND l.at = (SELECT x.at FROM ledger x
                            WHERE x.depot_id = p.depot_id AND x.part_id = p.part_id AND x.at""" + atOrBefore + """

                            ORDER BY x.depot_id DESC, x.part_id DESC, x.at DESC LIMIT 1)
             WHERE""" + " " + depots + " AND p.first_row_at" + atOrBefore + "\n";
    }

    /** Every position's totals as of its newest row, when that row is before :at (no position straddles :at). */
    private static final String POSITION_TOTALS_BEFORE = """
            SELECT p.depot_id, p.part_id, p.last_row_at AS at, p.on_hand AS on_hand, p.cost_time_micros,
                   p.unit_micros, p.value_micros, p.last_issue_at
              FROM positions p
             WHERE p.last_row_at < :at AND (:allDepots = TRUE OR p.depot_id IN (<depotIds>))
            """;

    /** Whether some position has rows both at or before :at and after it (so the position rows cannot answer). */
    private static final String STRADDLED = """
            SELECT COUNT(*) FROM positions p WHERE p.first_row_at <= :at AND p.last_row_at > :at
            """;

    /** One depot's target levels in force at :at: each position's newest policy change at or before it. */
    private static final String TARGETS_OF_DEPOT = """
            SELECT ph.part_id, ph.new_target_level
              FROM (SELECT part_id, MAX(id) AS id FROM policy_history WHERE depot_id = :depotId AND at <= :at
                     GROUP BY part_id) m
              JOIN policy_history ph ON ph.id = m.id
            """;

    private static final String IN_TRANSIT = """
            SELECT t.to_depot_id AS depot_id, t.part_id, SUM(t.quantity) AS units
              FROM transfers t
             WHERE t.shipped_at <= :asOf AND (t.received_at IS NULL OR t.received_at > :asOf)
               AND (:allDepots = TRUE OR t.to_depot_id IN (<depotIds>))
             GROUP BY t.to_depot_id, t.part_id
            """;

    private static final String COMPLETED_ORDERS = """
            SELECT d.code AS depot, ro.opened_at, ro.completed_at, ro.parts_wait_micros, ro.target_turnaround_hours
              FROM repair_orders ro JOIN depots d ON d.id = ro.depot_id
             WHERE ro.status = 'COMPLETED' AND ro.completed_at >= :from AND ro.completed_at < :to
               AND (:allDepots = TRUE OR ro.depot_id IN (<depotIds>))
             ORDER BY d.code, ro.id
            """;

    /**
     * The part's latest row at or before the instant, in the index-driven form of each database as in {@link
     * #lastRowsOfDepot(boolean, boolean, boolean)}: on H2 one backward read of ix_ledger_part_at (part_id, at) per
     * part; on MySQL/MariaDB a loose index scan of it (MAX(at) per part) joined back through the same index. The join
     * names its index: MariaDB's estimate of one row per instant made it pick ix_ledger_at, and after an opening
     * balance (750 receipts at one instant in the demo) each part's lookup read all 750 rows: 62 ms instead of 2 ms.
     * Several rows at one instant are settled by id in {@link #anchors}.
     */
    static String anchors(boolean mysql) {
        if (mysql) {
            return """
                SELECT l.part_id, l.id, l.at, l.average_unit_cost_after, l.cost_time_micros
                  FROM (SELECT part_id, MAX(at) AS at FROM ledger WHERE at <= :at GROUP BY part_id) m
                  JOIN ledger l FORCE INDEX (ix_ledger_part_at) ON l.part_id = m.part_id AND l.at = m.at
                """;
        }
        return """
            SELECT l.part_id, l.id, l.at, l.average_unit_cost_after, l.cost_time_micros
              FROM parts p
              JOIN ledger l ON l.part_id = p.id
               AND l.at = (SELECT x.at FROM ledger x WHERE x.part_id = p.id AND x.at <= :at
                            ORDER BY x.part_id DESC, x.at DESC LIMIT 1)
            """;
    }

    /** A position's running totals as of its last row at or before some instant. */
    public record PositionTotals(long depotId, long partId, RunningTotals totals) {
    }

    /** A position at an instant: units on hand, its last ISSUE at or before then, its target level then. */
    public record PositionAt(long depotId, long partId, String depot, String sku, long units, Instant lastIssue,
            int targetLevel) {
    }

    /** Units in transit to a depot at an instant (shipped at or before it, not yet received). */
    public record InTransit(long depotId, long partId, long units) {
    }

    /** A completed repair order as the turnaround report needs it. */
    public record CompletedOrder(String depot, Instant openedAt, Instant completedAt, long partsWaitMicros,
            BigDecimal targetHours) {
    }

    private ReportDao() {
    }

    public static Map<Long, String> depotCodes(Handle handle) {
        Map<Long, String> codes = new HashMap<>();
        handle.createQuery("SELECT id, code FROM depots")
                .map((rs, ctx) -> codes.put(rs.getLong("id"), rs.getString("code"))).forEach(ignored -> { });
        return codes;
    }

    public static Map<Long, PartInfo> parts(Handle handle) {
        Map<Long, PartInfo> parts = new HashMap<>();
        handle.createQuery("SELECT id, sku, category, holding_rate FROM parts")
                .map((rs, ctx) -> new PartInfo(rs.getLong("id"), rs.getString("sku"), rs.getString("category"),
                        rs.getBigDecimal("holding_rate")))
                .forEach(part -> parts.put(part.id(), part));
        return parts;
    }

    /** Every part's cost-time anchor at {@code at} (parts with no row by then are absent). */
    public static Map<Long, CostTime.Anchor> anchors(Handle handle, Instant at) {
        Map<Long, CostTime.Anchor> anchors = new HashMap<>();
        Map<Long, Long> ids = new HashMap<>();
        handle.createQuery(anchors(isMySql(handle))).bind("at", at)
                .map((rs, ctx) -> {
                    long part = rs.getLong("part_id");
                    long id = rs.getLong("id");
                    if (id > ids.getOrDefault(part, Long.MIN_VALUE)) {
                        ids.put(part, id);
                        anchors.put(part, new CostTime.Anchor(instant(rs, "at"),
                                rs.getBigDecimal("average_unit_cost_after"), rs.getBigDecimal("cost_time_micros")));
                    }
                    return part;
                })
                .forEach(ignored -> { });
        return anchors;
    }

    /**
     * Every position's running totals as of its last row before {@code at}, in no particular order. From the
     * position rows in one query when they can answer, else from the ledger in one query.
     */
    public static void totalsBefore(Handle handle, Instant at, DepotScope scope, Consumer<PositionTotals> each) {
        boolean fromLedger = straddled(handle, at.minusNanos(1000));
        if (!fromLedger) {
            streaming(handle, scoped(handle.createQuery(POSITION_TOTALS_BEFORE), scope).bind("at", at))
                    .map((rs, ctx) -> new PositionTotals(rs.getLong("depot_id"), rs.getLong("part_id"), totals(rs)))
                    .forEach(each);
            return;
        }
        Map<List<Long>, LastRow> rows = new HashMap<>();
        streaming(handle, scoped(handle.createQuery(lastRowsInScope(true, true, isMySql(handle))), scope)
                .bind("at", at))
                .map((rs, ctx) -> new LastRow(rs.getLong("depot_id"), rs.getLong("part_id"), rs.getLong("row_id"),
                        totals(rs)))
                .forEach(row -> rows.merge(List.of(row.depotId(), row.partId()), row, LastRow::later));
        rows.values().forEach(row -> each.accept(new PositionTotals(row.depotId(), row.partId(), row.totals())));
    }

    /**
     * Positions with any ledger row at or before {@code asOf}, by depot code then sku: depot by depot, each
     * depot's positions (at most one per part) sorted in memory.
     */
    public static void positionsAt(Handle handle, Instant asOf, DepotScope scope, Map<Long, String> depots,
            Map<Long, PartInfo> parts, Consumer<PositionAt> each) {
        boolean fromLedger = straddled(handle, asOf);
        List<Map.Entry<Long, String>> byCode = new ArrayList<>(depots.entrySet());
        byCode.sort(Map.Entry.comparingByValue());
        for (Map.Entry<Long, String> depot : byCode) {
            long depotId = depot.getKey();
            if (!scope.includes(depotId)) {
                continue;
            }
            Map<Long, LastRow> rows = lastRowsOfDepot(handle, depotId, asOf, false, fromLedger);
            if (rows.isEmpty()) {
                continue;
            }
            Map<Long, Integer> targets = new HashMap<>();
            handle.createQuery(TARGETS_OF_DEPOT).bind("depotId", depotId).bind("at", asOf)
                    .map((rs, ctx) -> targets.put(rs.getLong("part_id"), rs.getInt("new_target_level")))
                    .forEach(ignored -> { });
            List<PositionAt> positions = new ArrayList<>(rows.size());
            rows.values().forEach(row -> positions.add(new PositionAt(depotId, row.partId(), depot.getValue(),
                    parts.get(row.partId()).sku(), row.totals().onHand(), row.totals().lastIssueAt(),
                    targets.getOrDefault(row.partId(), 0))));
            positions.sort(Comparator.comparing(PositionAt::sku));
            positions.forEach(each);
        }
    }

    /** A position's last ledger row at or before an instant: its id (0 from the position row) and totals. */
    private record LastRow(long depotId, long partId, long rowId, RunningTotals totals) {
        /** Of two rows of a position at one instant, the one written last. */
        LastRow later(LastRow other) {
            return rowId >= other.rowId ? this : other;
        }
    }

    /**
     * One depot's positions' last rows at or before {@code at} ({@code before}: strictly before), by part id; of
     * several rows at one instant the highest id, the last written.
     */
    private static Map<Long, LastRow> lastRowsOfDepot(Handle handle, long depotId, Instant at, boolean before,
            boolean fromLedger) {
        Map<Long, LastRow> rows = new HashMap<>();
        streaming(handle, handle.createQuery(lastRowsOfDepot(fromLedger, before, isMySql(handle)))
                .bind("depotId", depotId)
                .bind("at", at))
                .map((rs, ctx) -> new LastRow(depotId, rs.getLong("part_id"), rs.getLong("row_id"), totals(rs)))
                .forEach(row -> rows.merge(row.partId(), row, LastRow::later));
        return rows;
    }

    private static RunningTotals totals(ResultSet rs) throws SQLException {
        return new RunningTotals(instant(rs, "at"), rs.getLong("on_hand"), rs.getBigDecimal("cost_time_micros"),
                rs.getBigDecimal("unit_micros"), rs.getBigDecimal("value_micros"), instant(rs, "last_issue_at"));
    }

    /**
     * Whether a position has rows on both sides of {@code at}: rows at or before it and after it. Strictly
     * before an instant T is at or before T minus a microsecond, since instants are whole microseconds.
     */
    private static boolean straddled(Handle handle, Instant at) {
        return handle.createQuery(STRADDLED).bind("at", at).mapTo(Long.class).one() > 0;
    }

    public static void inTransit(Handle handle, Instant asOf, DepotScope scope, Consumer<InTransit> each) {
        streaming(handle, scoped(handle.createQuery(IN_TRANSIT), scope).bind("asOf", asOf))
                .map((rs, ctx) -> new InTransit(rs.getLong("depot_id"), rs.getLong("part_id"), rs.getLong("units")))
                .forEach(each);
    }

    /** Completed repair orders with completed_at in [from, to), by depot code then id. */
    public static void completedOrders(Handle handle, Instant from, Instant to, DepotScope scope,
            Consumer<CompletedOrder> each) {
        streaming(handle, scoped(handle.createQuery(COMPLETED_ORDERS), scope).bind("from", from).bind("to", to))
                .map((rs, ctx) -> new CompletedOrder(rs.getString("depot"), instant(rs, "opened_at"),
                        instant(rs, "completed_at"), rs.getLong("parts_wait_micros"),
                        rs.getBigDecimal("target_turnaround_hours")))
                .forEach(each);
    }

    private static Query scoped(Query query, DepotScope scope) {
        return query.bind("allDepots", scope.allDepots()).bindList("depotIds", scope.depotIds());
    }

    /**
     * Rows one at a time: MySQL's driver buffers a whole result set unless the fetch size is Integer.MIN_VALUE;
     * H2 takes an ordinary fetch size.
     */
    static Query streaming(Handle handle, Query query) {
        return query.setFetchSize(isMySql(handle) ? Integer.MIN_VALUE : 1000);
    }

    static boolean isMySql(Handle handle) {
        try {
            String product = handle.getConnection().getMetaData().getDatabaseProductName().toLowerCase();
            return product.contains("mysql") || product.contains("maria");
        } catch (SQLException failure) {
            throw new IllegalStateException("cannot tell the database product", failure);
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
