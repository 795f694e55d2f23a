package org.spares.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.spares.domain.CostTime;
import org.spares.domain.MovementType;
import org.spares.domain.MovingAverage;

/**
 * Verifies the stock invariants (docs/REFERENCE.md "Stock rules") over a whole live database, from the stored rows alone: positions against the
 * ledger, reservations and transfers; the running on-hand of every ledger row; the moving average of every part
 * recomputed row by row; one ISSUE row per issued reservation; the audit trail of every state; and that no
 * backorder waits while its position could fill it. Used by the check-ledger command and by the tests.
 */
public final class LedgerChecker {
    private static final int MAX_PER_CHECK = 25;

    /** A named SQL check: each row it returns is one violation, described by its columns. */
    private record Check(String invariant, String sql) {
    }

    private static final String POSITION = """
            SELECT p.id, d.code AS depot, pt.sku, p.on_hand, p.reserved, p.inbound, p.backordered
              FROM positions p JOIN depots d ON d.id = p.depot_id JOIN parts pt ON pt.id = p.part_id
            """;

    /**
     * The reports' per-position running totals (RunningTotals), each row against its position's previous row:
     * U += onHand x microseconds, V += onHand x the growth of the part's cost-time accumulator (itself replayed by
     * {@link #checkAverages}), the newest ISSUE; 0 and null before the first row. Row by row, so a first row is
     * checked against zero and every later one against a checked predecessor: the whole replay, in one pass.
     */
    private static final String RUNNING_TOTALS = """
            SELECT x.id, x.unit_micros, x.expected_units, x.value_micros, x.expected_value, x.last_issue_at,
                   x.expected_issue FROM (
              SELECT y.id, y.unit_micros, y.value_micros, y.last_issue_at,
                     COALESCE(y.prev_units + y.prev_on_hand
                              * GREATEST(TIMESTAMPDIFF(MICROSECOND, y.prev_at, y.at), 0), 0) AS expected_units,
                     COALESCE(y.prev_value + y.prev_on_hand * (y.cost_time_micros - y.prev_cost_time), 0)
                         AS expected_value,
                     CASE WHEN y.type = 'ISSUE' AND (y.prev_issue IS NULL OR y.at > y.prev_issue) THEN y.at
                          ELSE y.prev_issue END AS expected_issue
                FROM (SELECT id, at, type, cost_time_micros, unit_micros, value_micros, last_issue_at,
                             LAG(at) OVER (PARTITION BY depot_id, part_id ORDER BY id) AS prev_at,
                             LAG(on_hand_after) OVER (PARTITION BY depot_id, part_id ORDER BY id) AS prev_on_hand,
                             LAG(cost_time_micros) OVER (PARTITION BY depot_id, part_id ORDER BY id) AS prev_cost_time,
                             LAG(unit_micros) OVER (PARTITION BY depot_id, part_id ORDER BY id) AS prev_units,
                             LAG(value_micros) OVER (PARTITION BY depot_id, part_id ORDER BY id) AS prev_value,
                             LAG(last_issue_at) OVER (PARTITION BY depot_id, part_id ORDER BY id) AS prev_issue
                        FROM ledger) y) x
             WHERE x.unit_micros <> x.expected_units OR x.value_micros <> x.expected_value
                OR COALESCE(x.last_issue_at, TIMESTAMP '1970-01-01 00:00:00')
                   <> COALESCE(x.expected_issue, TIMESTAMP '1970-01-01 00:00:00')
            """;

    /** The copy on the position row: the newest row's totals and instant, and the position's earliest instant. */
    private static final String POSITION_TOTALS = """
            SELECT x.* FROM (
              SELECT p.id, d.code AS depot, pt.sku, p.first_row_at, f.first_at, p.last_row_at, l.at AS newest_at,
                     p.cost_time_micros, l.cost_time_micros AS newest_cost_time, p.unit_micros,
                     l.unit_micros AS newest_units, p.value_micros, l.value_micros AS newest_value, p.last_issue_at,
                     l.last_issue_at AS newest_issue
                FROM positions p JOIN depots d ON d.id = p.depot_id JOIN parts pt ON pt.id = p.part_id
                LEFT JOIN (SELECT depot_id, part_id, MIN(at) AS first_at, MAX(id) AS newest_id FROM ledger
                            GROUP BY depot_id, part_id) f ON f.depot_id = p.depot_id AND f.part_id = p.part_id
                LEFT JOIN ledger l ON l.id = f.newest_id) x
             WHERE COALESCE(x.first_row_at, TIMESTAMP '1970-01-01 00:00:00')
                <> COALESCE(x.first_at, TIMESTAMP '1970-01-01 00:00:00')
                OR COALESCE(x.last_row_at, TIMESTAMP '1970-01-01 00:00:00')
                   <> COALESCE(x.newest_at, TIMESTAMP '1970-01-01 00:00:00')
                OR x.cost_time_micros <> COALESCE(x.newest_cost_time, 0)
                OR x.unit_micros <> COALESCE(x.newest_units, 0) OR x.value_micros <> COALESCE(x.newest_value, 0)
                OR COALESCE(x.last_issue_at, TIMESTAMP '1970-01-01 00:00:00')
                   <> COALESCE(x.newest_issue, TIMESTAMP '1970-01-01 00:00:00')
            """;

    private static final List<Check> CHECKS = List.of(
            new Check("1: 0 <= reserved <= onHand", POSITION
                    + " WHERE p.reserved < 0 OR p.reserved > p.on_hand OR p.on_hand < 0 OR p.inbound < 0"
                    + " OR p.backordered < 0"),
            new Check("2: reserved = held reservations + requested transfers out", """
                    SELECT x.* FROM (
                      SELECT p.id, d.code AS depot, pt.sku, p.reserved,
                             COALESCE((SELECT SUM(r.quantity) FROM reservations r
                                        WHERE r.position_id = p.id AND r.status = 'HELD'), 0)
                           + COALESCE((SELECT SUM(t.quantity) FROM transfers t WHERE t.from_depot_id = p.depot_id
                                          AND t.part_id = p.part_id AND t.status = 'REQUESTED'), 0) AS expected
                        FROM positions p JOIN depots d ON d.id = p.depot_id JOIN parts pt ON pt.id = p.part_id) x
                     WHERE x.reserved <> x.expected
                    """),
            new Check("3: onHand = sum of the position's ledger quantities", """
                    SELECT x.* FROM (
                      SELECT p.id, d.code AS depot, pt.sku, p.on_hand,
                             COALESCE((SELECT SUM(l.quantity) FROM ledger l
                                        WHERE l.depot_id = p.depot_id AND l.part_id = p.part_id), 0) AS ledger_sum
                        FROM positions p JOIN depots d ON d.id = p.depot_id JOIN parts pt ON pt.id = p.part_id) x
                     WHERE x.on_hand <> x.ledger_sum
                    """),
            new Check("3: every row's onHandAfter = running sum of the position's quantities", """
                    SELECT x.id, x.on_hand_after, x.running FROM (
                      SELECT id, on_hand_after,
                             SUM(quantity) OVER (PARTITION BY depot_id, part_id ORDER BY id) AS running
                        FROM ledger) x
                     WHERE x.running <> x.on_hand_after
                    """),
            new Check("reports: every row's running totals = the previous row's stepped forward", RUNNING_TOTALS),
            new Check("reports: a position's running totals = those of its newest row", POSITION_TOTALS),
            new Check("4: inbound = shipped transfers in", """
                    SELECT x.* FROM (
                      SELECT p.id, d.code AS depot, pt.sku, p.inbound,
                             COALESCE((SELECT SUM(t.quantity) FROM transfers t WHERE t.to_depot_id = p.depot_id
                                          AND t.part_id = p.part_id AND t.status = 'SHIPPED'), 0) AS shipped
                        FROM positions p JOIN depots d ON d.id = p.depot_id JOIN parts pt ON pt.id = p.part_id) x
                     WHERE x.inbound <> x.shipped
                    """),
            new Check("backordered = backordered reservations", """
                    SELECT x.* FROM (
                      SELECT p.id, d.code AS depot, pt.sku, p.backordered,
                             COALESCE((SELECT SUM(r.quantity) FROM reservations r
                                        WHERE r.position_id = p.id AND r.status = 'BACKORDERED'), 0) AS waiting
                        FROM positions p JOIN depots d ON d.id = p.depot_id JOIN parts pt ON pt.id = p.part_id) x
                     WHERE x.backordered <> x.waiting
                    """),
            new Check("units owned = on hand everywhere + in transit", """
                    SELECT x.* FROM (
                      SELECT pt.id, pt.sku, pt.units_owned,
                             COALESCE((SELECT SUM(p.on_hand) FROM positions p WHERE p.part_id = pt.id), 0)
                           + COALESCE((SELECT SUM(t.quantity) FROM transfers t
                                        WHERE t.part_id = pt.id AND t.status = 'SHIPPED'), 0) AS counted
                        FROM parts pt) x
                     WHERE x.units_owned <> x.counted
                    """),
            new Check("a part's ledger_rows = its ledger rows (the part's writes order its rows on a cluster)", """
                    SELECT x.* FROM (
                      SELECT pt.id, pt.sku, pt.ledger_rows,
                             (SELECT COUNT(*) FROM ledger l WHERE l.part_id = pt.id) AS counted
                        FROM parts pt) x
                     WHERE x.ledger_rows <> x.counted
                    """),
            new Check("5: an issued reservation has exactly its one ISSUE row", """
                    SELECT r.id, r.status, r.quantity, l.id AS ledger_id, l.quantity AS ledger_quantity
                      FROM reservations r LEFT JOIN ledger l ON l.reservation_id = r.id
                     WHERE (r.status = 'ISSUED' AND (l.id IS NULL OR l.type <> 'ISSUE' OR l.quantity <> -r.quantity))
                        OR (r.status <> 'ISSUED' AND l.id IS NOT NULL)
                    """),
            new Check("5: every ISSUE row belongs to a reservation",
                    "SELECT l.id FROM ledger l WHERE l.type = 'ISSUE' AND l.reservation_id IS NULL"),
            new Check("8: no backorder waits while its position can fill it", """
                    SELECT r.id, r.quantity, p.on_hand - p.reserved AS available
                      FROM reservations r JOIN positions p ON p.id = r.position_id
                     WHERE r.status = 'BACKORDERED' AND r.quantity <= p.on_hand - p.reserved
                    """),
            new Check("7: a transfer's last recorded state is its state", audit("transfers", "TRANSFER")),
            new Check("7: a reservation's last recorded state is its state", audit("reservations", "RESERVATION")),
            new Check("7: a repair order's last recorded state is its state",
                    audit("repair_orders", "REPAIR_ORDER")));

    private static String audit(String table, String entity) {
        return "SELECT x.* FROM (SELECT e.id, e.status, (SELECT sc.to_status FROM state_changes sc"
                + " WHERE sc.entity = '" + entity + "' AND sc.entity_id = e.id ORDER BY sc.id DESC LIMIT 1)"
                + " AS recorded FROM " + table + " e) x WHERE x.recorded IS NULL OR x.recorded <> x.status";
    }

    private final Transactions transactions;

    public LedgerChecker(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Every violation found, described; empty when every invariant holds. */
    public List<String> check(Consumer<String> progress) {
        List<String> violations = new ArrayList<>();
        // One snapshot for every check: on a live database, separate reads would see changes that commit between
        // them (an expiry between reading a position and its reservations) and report violations that never were.
        transactions.snapshot(handle -> {
            int done = 0;
            for (Check check : CHECKS) {
                runCheck(handle, check, violations);
                progress.accept("checked " + (++done) + "/" + (CHECKS.size() + 1) + ": invariant " + check.invariant());
            }
            checkAverages(handle, violations);
            progress.accept("checked " + (CHECKS.size() + 1) + "/" + (CHECKS.size() + 1)
                    + ": moving average of every ledger row");
            return null;
        });
        return violations;
    }

    private static void runCheck(Handle handle, Check check, List<String> violations) {
        List<Map<String, Object>> rows = handle.createQuery(check.sql()).setMaxRows(MAX_PER_CHECK)
                .mapToMap().list();
        rows.forEach(row -> violations.add("invariant " + check.invariant() + " broken: " + row));
    }

    /**
     * Replays every part's ledger in id order: a receipt sets the average by the formula from the units owned
     * before it; any other row leaves it alone. While a part owns no units its average is free (the purchase
     * price may change), so the replay takes the row's own value there. The reports' cost-time accumulator is
     * replayed too: the previous row's accumulator plus its average times the microseconds between the rows.
     */
    private static void checkAverages(Handle handle, List<String> violations) {
        AverageReplay replay = new AverageReplay(violations);
        handle.createQuery("SELECT id, part_id, at, type, quantity, unit_cost, average_unit_cost_after,"
                        + " cost_time_micros FROM ledger ORDER BY part_id, id")
                .setFetchSize(10_000)
                .map((rs, ctx) -> {
                    replay.row(rs.getLong("id"), rs.getLong("part_id"),
                            ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "at", ctx),
                            MovementType.valueOf(rs.getString("type")), rs.getInt("quantity"),
                            rs.getBigDecimal("unit_cost"), rs.getBigDecimal("average_unit_cost_after"),
                            rs.getBigDecimal("cost_time_micros"));
                    return 0;
                })
                .forEach(ignored -> { });
    }

    /** The state of one part's replay, row by row. */
    private static final class AverageReplay {
        private final List<String> violations;
        private int found;
        private long part = -1;
        private long owned;
        private BigDecimal average;
        private CostTime.Anchor previous;

        AverageReplay(List<String> violations) {
            this.violations = violations;
        }

        void row(long id, long partId, Instant at, MovementType type, int quantity, BigDecimal cost,
                BigDecimal after, BigDecimal costTime) {
            if (partId != part) {
                part = partId;
                owned = 0;
                average = null;
                previous = null;
            }
            BigDecimal expected;
            if (type == MovementType.RECEIPT) {
                expected = MovingAverage.afterReceipt(average == null ? cost : average, owned, quantity, cost);
            } else {
                expected = owned == 0 || average == null ? after : average;
                report(cost.compareTo(expected) != 0, "ledger row " + id + ": unitCost " + cost
                        + " is not the average in force " + expected);
            }
            report(after.compareTo(expected) != 0, "ledger row " + id + ": averageUnitCostAfter " + after
                    + ", recomputed " + expected);
            BigDecimal expectedCostTime = CostTime.next(previous, at);
            report(costTime.compareTo(expectedCostTime) != 0, "ledger row " + id + ": cost-time accumulator "
                    + costTime + ", recomputed " + expectedCostTime);
            average = after;
            previous = new CostTime.Anchor(at, after, costTime);
            if (type.changesUnitsOwned()) {
                owned += quantity;
            }
        }

        private void report(boolean broken, String violation) {
            if (broken && found < MAX_PER_CHECK) {
                found++;
                violations.add(violation);
            }
        }
    }
}
