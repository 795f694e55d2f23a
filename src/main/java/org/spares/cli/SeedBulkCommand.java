package org.spares.cli;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.function.LongConsumer;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jdbi.v3.core.Handle;
import org.spares.config.DatabaseSetup;
import org.spares.config.SparesConfiguration;
import org.spares.db.JdbiSetup;
import org.spares.domain.RunningTotals;

/**
 * {@code seed-bulk --rows N --depots D --parts P --seed S [--days 365] config.yml}: fills an EMPTY database with
 * a large valid ledger for benchmarks, fast (batched inserts, not the service path): depots, parts, N ledger rows of
 * RECEIPT, ADJUSTMENT, SCRAP, TRANSFER_OUT and TRANSFER_IN over the last {@code days} days, the transfers with their
 * state changes, and positions and parts consistent with it, so check-ledger passes. Progress goes to stderr.
 */
public class SeedBulkCommand extends ConfiguredCommand<SparesConfiguration> {
    public SeedBulkCommand() {
        super("seed-bulk", "Fills an empty database with a large valid ledger (benchmarks)");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--rows").type(Long.class).setDefault(1_000_000L).help("ledger rows");
        subparser.addArgument("--depots").type(Integer.class).setDefault(20).help("depots");
        subparser.addArgument("--parts").type(Integer.class).setDefault(5_000).help("parts");
        subparser.addArgument("--seed").type(Long.class).setDefault(1L).help("random seed");
        subparser.addArgument("--days").type(Integer.class).setDefault(365).help("days of history, ending now");
    }

    @Override
    protected void run(Bootstrap<SparesConfiguration> bootstrap, Namespace namespace, SparesConfiguration configuration)
            throws Exception {
        String url = configuration.getDatabase().getUrl();
        if (DatabaseSetup.isMySql(url) && !url.contains("rewriteBatchedStatements")) {
            // one multi-row INSERT per batch instead of one round trip per row
            configuration.getDatabase().setUrl(url + (url.contains("?") ? "&" : "?") + "rewriteBatchedStatements=true");
        }
        long rows = namespace.getLong("rows");
        int depots = namespace.getInt("depots");
        int parts = namespace.getInt("parts");
        Instant end = Clock.systemUTC().instant();
        Instant start = end.minus(Duration.ofDays(namespace.getInt("days")));
        long began = System.nanoTime();
        try (DatabaseSetup.CommandDatabase database = DatabaseSetup.openForCommand(configuration, "seed-bulk");
                Handle handle = database.jdbi().open()) {
            seed(handle.getConnection(), rows, depots, parts, namespace.getLong("seed"), start, end,
                    done -> System.err.printf("seed-bulk: %,d of %,d rows (%.1f s)%n", done, rows,
                            (System.nanoTime() - began) / 1e9));
        }
        System.err.printf("seed-bulk: done, %,d rows in %.1f s%n", rows, (System.nanoTime() - began) / 1e9);
        System.out.println("seeded " + rows + " ledger rows, " + depots + " depots, " + parts + " parts");
    }

    /** Seeds an empty, migrated database on the connection (also used by the tests). */
    public static void seed(Connection connection, long rows, int depots, int parts, long seed, Instant start, Instant end,
            LongConsumer progress) throws SQLException {
        requireEmpty(connection);
        Random random = new Random(seed);
        long[] depotIds = insertDepots(connection, depots, start);
        BigDecimal[] costs = new BigDecimal[parts];
        long[] partIds = insertParts(connection, parts, costs, random, start);
        BulkLedger ledger = new BulkLedger(seed, depotIds, partIds, costs, 1);
        try (BulkWriter writer = new BulkWriter(connection)) {
            ledger.generate(writer, rows, start, end, progress);
        }
        finish(connection, ledger, depotIds, partIds);
    }

    private static void requireEmpty(Connection connection) throws SQLException {
        for (String table : new String[] {"depots", "parts", "ledger", "transfers"}) {
            try (Statement statement = connection.createStatement();
                    ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                count.next();
                if (count.getLong(1) > 0) {
                    throw new CommandFailure("seed-bulk needs an empty database; " + table + " has rows");
                }
            }
        }
    }

    private static long[] insertDepots(Connection connection, int count, Instant at) throws SQLException {
        String time = JdbiSetup.DATABASE_TIME.format(at);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO depots (code, name,"
                + " target_turnaround_hours, mean_repair_hours, created_at, updated_at) VALUES (?, ?, 48, 8, ?, ?)")) {
            for (int i = 1; i <= count; i++) {
                insert.setString(1, String.format("BK%03d", i));
                insert.setString(2, "Bulk depot " + i);
                insert.setString(3, time);
                insert.setString(4, time);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return ids(connection, "SELECT id FROM depots ORDER BY code", count);
    }

    private static long[] insertParts(Connection connection, int count, BigDecimal[] costs, Random random,
            Instant at) throws SQLException {
        String time = JdbiSetup.DATABASE_TIME.format(at);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO parts (sku, name, category,"
                + " unit_cost, holding_rate, lead_time_days, average_unit_cost, units_owned, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, 10, ?, 0, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                costs[i] = BigDecimal.valueOf(500 + random.nextInt(50_000), 2);
                insert.setString(1, String.format("BULK-%06d", i + 1));
                insert.setString(2, "Bulk part " + (i + 1));
                insert.setString(3, "category-" + (i % 25));
                insert.setBigDecimal(4, costs[i]);
                insert.setBigDecimal(5, BigDecimal.valueOf(15 + random.nextInt(21), 2));
                insert.setBigDecimal(6, costs[i]);
                insert.setString(7, time);
                insert.setString(8, time);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return ids(connection, "SELECT id FROM parts ORDER BY sku", count);
    }

    private static long[] ids(Connection connection, String sql, int count) throws SQLException {
        long[] ids = new long[count];
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            for (int i = 0; rows.next(); i++) {
                ids[i] = rows.getLong(1);
            }
        }
        return ids;
    }

    /** The position's running totals after its newest row (StockLedger keeps them on the position row too). */
    private static void totals(PreparedStatement positions, Instant firstRowAt, RunningTotals totals)
            throws SQLException {
        positions.setString(5, firstRowAt == null ? null : JdbiSetup.DATABASE_TIME.format(firstRowAt));
        positions.setString(6, totals == null ? null : JdbiSetup.DATABASE_TIME.format(totals.at()));
        positions.setBigDecimal(7, totals == null ? BigDecimal.ZERO : totals.costTimeMicros());
        positions.setBigDecimal(8, totals == null ? BigDecimal.ZERO : totals.unitMicros());
        positions.setBigDecimal(9, totals == null ? BigDecimal.ZERO : totals.valueMicros());
    }

    /** Positions and parts as the ledger leaves them; H2 is told where the transfer ids continue. */
    private static void finish(Connection connection, BulkLedger ledger, long[] depotIds, long[] partIds)
            throws SQLException {
        try (PreparedStatement positions = connection.prepareStatement(
                "INSERT INTO positions (depot_id, part_id, on_hand, inbound, first_row_at, last_row_at,"
                        + " cost_time_micros, unit_micros, value_micros) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement parts = connection.prepareStatement(
                        "UPDATE parts SET units_owned = ?, average_unit_cost = ?,"
                                + " ledger_rows = (SELECT COUNT(*) FROM ledger l WHERE l.part_id = parts.id) WHERE id = ?")) {
            for (int part = 0; part < partIds.length; part++) {
                for (int depot = 0; depot < depotIds.length; depot++) {
                    positions.setLong(1, depotIds[depot]);
                    positions.setLong(2, partIds[part]);
                    positions.setInt(3, ledger.onHand(part, depot));
                    positions.setInt(4, ledger.inbound(part, depot));
                    totals(positions, ledger.firstRowAt(part, depot), ledger.totals(part, depot));
                    positions.addBatch();
                }
                parts.setLong(1, ledger.owned(part));
                parts.setBigDecimal(2, ledger.average(part));
                parts.setLong(3, partIds[part]);
                parts.addBatch();
                if (part % 200 == 199) {
                    positions.executeBatch();
                    parts.executeBatch();
                }
            }
            positions.executeBatch();
            parts.executeBatch();
        }
        if (!connection.getMetaData().getDatabaseProductName().toLowerCase().contains("mysql")
                && !connection.getMetaData().getDatabaseProductName().toLowerCase().contains("maria")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE transfers ALTER COLUMN id RESTART WITH " + ledger.nextTransferId());
            }
        }
        connection.commit();
        connection.setAutoCommit(true);
    }
}
