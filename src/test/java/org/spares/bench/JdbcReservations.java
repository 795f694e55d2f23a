package org.spares.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The reservation's database work by hand, as the baseline for the service: one connection per client, prepared
 * statements, no HTTP, no JSON, no pool. Two baselines:
 * <ul>
 * <li><b>core</b>: the statements under the position lock, in one transaction: lock the position, lock the repair
 * order, the conditional UPDATE, INSERT the reservation, INSERT its audit row, commit. Ids are known up front.
 * <li><b>whole request</b>: what the database must also answer for one API request before any lock: the bearer
 * token's user (by its SHA-256) and the order's depot with the sku's part. The same statements as the service.
 * </ul>
 */
final class JdbcReservations implements LoadPhase.Client {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    /** Database ids the API does not show: depot, parts by sku, a user for created_by. */
    record Ids(long depotId, Map<String, Long> partIds, long userId) {
        static Ids load(String url, String user, String password) throws SQLException {
            try (Connection connection = DriverManager.getConnection(url, user, password);
                    Statement statement = connection.createStatement()) {
                long depotId;
                try (ResultSet depot = statement.executeQuery(
                        "SELECT id FROM depots WHERE code = '" + BenchFixture.DEPOT + "'")) {
                    depot.next();
                    depotId = depot.getLong(1);
                }
                Map<String, Long> parts = new HashMap<>();
                try (ResultSet rows = statement.executeQuery("SELECT sku, id FROM parts")) {
                    while (rows.next()) {
                        parts.put(rows.getString(1), rows.getLong(2));
                    }
                }
                try (ResultSet tech = statement.executeQuery(
                        "SELECT MIN(id) FROM users WHERE role = 'TECHNICIAN'")) {
                    tech.next();
                    return new Ids(depotId, parts, tech.getLong(1));
                }
            }
        }
    }

    private final Connection connection;
    private final PreparedStatement lockPosition;
    private final PreparedStatement lockOrder;
    private final PreparedStatement reserve;
    private final PreparedStatement insertReservation;
    private final PreparedStatement audit;
    private final PreparedStatement user;
    private final PreparedStatement target;
    private final String tokenHash;
    private final Ids ids;
    private final List<String> skus;
    private final long repairOrderId;

    /** @param tokenHash the caller's token hash for the whole-request baseline; null for the core one */
    JdbcReservations(String url, String dbUser, String password, Ids ids, List<String> skus, long repairOrderId,
            String tokenHash) throws SQLException {
        this.connection = DriverManager.getConnection(url, dbUser, password);
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        connection.setAutoCommit(false);
        this.lockPosition = connection.prepareStatement("SELECT id, depot_id, part_id, on_hand, reserved, inbound,"
                + " backordered, target_level, reorder_point FROM positions WHERE depot_id = ? AND part_id = ? FOR UPDATE");
        this.lockOrder = connection.prepareStatement("SELECT id, status, priority_rank FROM repair_orders"
                + " WHERE id = ? FOR UPDATE");
        this.reserve = connection.prepareStatement(
                "UPDATE positions SET reserved = reserved + ? WHERE id = ? AND on_hand - reserved >= ?");
        this.insertReservation = connection.prepareStatement("INSERT INTO reservations (repair_order_id, depot_id,"
                + " part_id, position_id, quantity, status, priority_rank, created_at, created_by, held_at, expires_at,"
                + " backordered_at) VALUES (?, ?, ?, ?, ?, 'HELD', ?, ?, ?, ?, ?, NULL)",
                Statement.RETURN_GENERATED_KEYS);
        this.audit = connection.prepareStatement("INSERT INTO state_changes (entity, entity_id, from_status,"
                + " to_status, at, actor_id, actor_name, request_id, note) VALUES ('RESERVATION', ?, NULL, 'HELD', ?, ?,"
                + " 'bench-tech-0', 'bench', NULL)");
        this.user = connection.prepareStatement("SELECT id, name, role, depots, created_at, revoked_at FROM users"
                + " WHERE token_hash = ? AND revoked_at IS NULL");
        this.target = connection.prepareStatement("SELECT r.depot_id, d.code AS depot, pt.id AS part_id, pt.sku"
                + " FROM repair_orders r JOIN depots d ON d.id = r.depot_id LEFT JOIN parts pt ON pt.sku = ?"
                + " WHERE r.id = ?");
        this.tokenHash = tokenHash;
        this.ids = ids;
        this.skus = skus;
        this.repairOrderId = repairOrderId;
    }

    @Override
    public boolean call() throws SQLException {
        String sku = skus.get(ThreadLocalRandom.current().nextInt(skus.size()));
        long partId = ids.partIds().get(sku);
        try {
            if (tokenHash != null) {
                user.setString(1, tokenHash);
                try (ResultSet caller = user.executeQuery()) {
                    if (!caller.next()) {
                        throw new SQLException("the token's user was not found");
                    }
                }
                target.setString(1, sku);
                target.setLong(2, repairOrderId);
                try (ResultSet found = target.executeQuery()) {
                    found.next();
                    partId = found.getLong(3);
                }
            }
            lockPosition.setLong(1, ids.depotId());
            lockPosition.setLong(2, partId);
            long positionId;
            try (ResultSet position = lockPosition.executeQuery()) {
                position.next();
                positionId = position.getLong(1);
            }
            lockOrder.setLong(1, repairOrderId);
            int rank;
            try (ResultSet order = lockOrder.executeQuery()) {
                order.next();
                rank = order.getInt(3);
            }
            reserve.setInt(1, 1);
            reserve.setLong(2, positionId);
            reserve.setInt(3, 1);
            if (reserve.executeUpdate() != 1) {
                connection.rollback();
                return false;
            }
            String now = TIME.format(Instant.now());
            insertReservation.setLong(1, repairOrderId);
            insertReservation.setLong(2, ids.depotId());
            insertReservation.setLong(3, partId);
            insertReservation.setLong(4, positionId);
            insertReservation.setInt(5, 1);
            insertReservation.setInt(6, rank);
            insertReservation.setString(7, now);
            insertReservation.setLong(8, ids.userId());
            insertReservation.setString(9, now);
            insertReservation.setString(10, TIME.format(Instant.now().plusSeconds(72 * 3600)));
            insertReservation.executeUpdate();
            long reservationId;
            try (ResultSet key = insertReservation.getGeneratedKeys()) {
                key.next();
                reservationId = key.getLong(1);
            }
            audit.setLong(1, reservationId);
            audit.setString(2, now);
            audit.setLong(3, ids.userId());
            audit.executeUpdate();
            connection.commit();
            return true;
        } catch (SQLException failure) {
            connection.rollback();
            throw failure;
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the benchmark is ending
        }
    }
}
