package org.spares.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.spares.domain.Priority;
import org.spares.domain.RepairOrderStatus;
import org.spares.domain.User;

/**
 * The statements of the hot path, every reservation request and the token lookup of every request, with the DAOs'
 * own SQL run as plain JDBC on the handle's connection ({@link NamedSql}). Attaching a SqlObject DAO builds an
 * invoker per method on every attach, and even a Handle-level Jdbi statement copies the configuration, resolves its
 * argument factories and specialises its row mapper on every execution: together the largest share of the
 * service's CPU per reservation (JFR, docs/BENCHMARKS-reservations.md). Rarer paths keep the DAOs.
 */
public final class HotPathStatements {
    private static final NamedSql USER_BY_TOKEN = NamedSql.of(UserDao.FIND_ACTIVE_BY_TOKEN_HASH);
    private static final NamedSql TARGET = NamedSql.of(RepairOrderDao.RESERVE_TARGET);
    private static final NamedSql LOCK_POSITION = NamedSql.of(PositionDao.LOCK);
    private static final NamedSql LOCK_ORDER_STATE = NamedSql.of(RepairOrderDao.LOCK_STATE);
    private static final NamedSql RESERVE = NamedSql.of(PositionDao.RESERVE);
    private static final NamedSql INSERT_RESERVATION = NamedSql.of(ReservationDao.INSERT);
    private static final NamedSql STATE_CHANGE = NamedSql.of(AuditDao.STATE_CHANGE);
    private static final NamedSql CLAIM_KEY = NamedSql.of(IdempotencyDao.INSERT);
    private static final NamedSql COMPLETE_KEY = NamedSql.of(IdempotencyDao.COMPLETE);

    private HotPathStatements() {
    }

    /** {@link UserDao#findActiveByTokenHash}. */
    public static Optional<User> activeUserByTokenHash(Handle handle, String hash) {
        return USER_BY_TOKEN.findOne(handle, UserDao.UserMapper::read, "hash", hash);
    }

    /** The order's depot and the sku's part, read before any lock; empty for an unknown order. */
    public static Optional<RepairOrderDao.ReserveTarget> target(Handle handle, long repairOrderId, String sku) {
        return TARGET.findOne(handle, row -> new RepairOrderDao.ReserveTarget(row.getLong("depot_id"),
                row.getString("depot"), nullableLong(row, "part_id"), row.getString("sku")),
                "id", repairOrderId, "sku", sku);
    }

    /** {@link PositionDao#lock}: empty when the position was never created. */
    public static Optional<PositionDao.Row> lockPosition(Handle handle, long depotId, long partId) {
        return LOCK_POSITION.findOne(handle, row -> new PositionDao.Row(row.getLong("id"), row.getLong("depot_id"),
                row.getLong("part_id"), row.getInt("on_hand"), row.getInt("reserved"), row.getInt("inbound"),
                row.getInt("backordered"), row.getInt("target_level"), row.getInt("reorder_point")),
                "depotId", depotId, "partId", partId);
    }

    public static Optional<RepairOrderDao.LockedState> lockOrderState(Handle handle, long repairOrderId) {
        return LOCK_ORDER_STATE.findOne(handle, row -> new RepairOrderDao.LockedState(
                RepairOrderStatus.valueOf(row.getString("status")), Priority.valueOf(row.getString("priority"))),
                "id", repairOrderId);
    }

    /** {@link PositionDao#reserve}: 1 when that many were available and are now reserved, else 0. */
    public static int reserve(Handle handle, long positionId, int quantity) {
        return RESERVE.update(handle, "id", positionId, "quantity", quantity);
    }

    /** {@link ReservationDao#insert} of a HELD reservation; its id. */
    public static long insertHeld(Handle handle, long repairOrderId, long depotId, long partId, long positionId,
            int quantity, int rank, Instant at, long actorId, Instant expiresAt) {
        return INSERT_RESERVATION.insert(handle, "repairOrderId", repairOrderId, "depotId", depotId,
                "partId", partId, "positionId", positionId, "quantity", quantity, "status", "HELD", "rank", rank,
                "at", at, "actorId", actorId, "heldAt", at, "expiresAt", expiresAt, "backorderedAt", null);
    }

    /** {@link AuditDao#stateChange}. */
    public static void stateChange(Handle handle, String entity, long entityId, String from, String to, Instant at,
            long actorId, String actorName, String requestId) {
        STATE_CHANGE.update(handle, "entity", entity, "entityId", entityId, "from", from, "to", to, "at", at,
                "actorId", actorId, "actorName", actorName, "requestId", requestId, "note", null);
    }

    /** {@link IdempotencyDao#insert} of a key not answered yet: a used key fails it as a duplicate. */
    public static void claimIdempotencyKey(Handle handle, long userId, String key, String hash, Instant at) {
        CLAIM_KEY.update(handle, "userId", userId, "key", key, "hash", hash, "status", 0, "body", "",
                "location", null, "at", at);
    }

    /** {@link IdempotencyDao#complete}. */
    public static void completeIdempotencyKey(Handle handle, long userId, String key, int status, String body,
            String location) {
        COMPLETE_KEY.update(handle, "userId", userId, "key", key, "status", status, "body", body,
                "location", location);
    }

    private static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
