package org.spares.db;

import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.spares.domain.User;

/**
 * The statements of the hot path, every reservation request and the token lookup of every request, on the Handle
 * directly, with the DAOs' own SQL. Attaching a SqlObject DAO builds an invoker with its own copy of the
 * configuration for every method of the DAO, on every attach: 50-300 microseconds of CPU per DAO, about a
 * millisecond per reservation, more than all the rest of the request's Java work. Rarer paths keep the DAOs.
 */
public final class HotPathStatements {
    private static final RowMapper<RepairOrderDao.ReserveTarget> TARGET =
            ConstructorMapper.of(RepairOrderDao.ReserveTarget.class);
    private static final RowMapper<RepairOrderDao.LockedState> LOCKED_STATE =
            ConstructorMapper.of(RepairOrderDao.LockedState.class);
    private static final RowMapper<PositionDao.Row> POSITION = ConstructorMapper.of(PositionDao.Row.class);
    private static final RowMapper<User> USER = new UserDao.UserMapper();

    private HotPathStatements() {
    }

    /** {@link UserDao#findActiveByTokenHash}. */
    public static Optional<User> activeUserByTokenHash(Handle handle, String hash) {
        return handle.createQuery(UserDao.FIND_ACTIVE_BY_TOKEN_HASH).bind("hash", hash).map(USER).findOne();
    }

    /** The order's depot and the sku's part, read before any lock; empty for an unknown order. */
    public static Optional<RepairOrderDao.ReserveTarget> target(Handle handle, long repairOrderId, String sku) {
        return handle.createQuery(RepairOrderDao.RESERVE_TARGET).bind("id", repairOrderId).bind("sku", sku)
                .map(TARGET).findOne();
    }

    /** {@link PositionDao#lock}: empty when the position was never created. */
    public static Optional<PositionDao.Row> lockPosition(Handle handle, long depotId, long partId) {
        return handle.createQuery(PositionDao.LOCK).bind("depotId", depotId).bind("partId", partId).map(POSITION)
                .findOne();
    }

    public static Optional<RepairOrderDao.LockedState> lockOrderState(Handle handle, long repairOrderId) {
        return handle.createQuery(RepairOrderDao.LOCK_STATE).bind("id", repairOrderId).map(LOCKED_STATE).findOne();
    }

    /** {@link PositionDao#reserve}: 1 when that many were available and are now reserved, else 0. */
    public static int reserve(Handle handle, long positionId, int quantity) {
        return handle.createUpdate(PositionDao.RESERVE).bind("id", positionId).bind("quantity", quantity).execute();
    }

    /** {@link ReservationDao#insert} of a HELD reservation; its id. */
    public static long insertHeld(Handle handle, long repairOrderId, long depotId, long partId, long positionId,
            int quantity, int rank, Instant at, long actorId, Instant expiresAt) {
        return handle.createUpdate(ReservationDao.INSERT).bind("repairOrderId", repairOrderId).bind("depotId", depotId)
                .bind("partId", partId).bind("positionId", positionId).bind("quantity", quantity)
                .bind("status", "HELD").bind("rank", rank).bind("at", at).bind("actorId", actorId)
                .bind("heldAt", at).bind("expiresAt", expiresAt).bindNull("backorderedAt", Types.VARCHAR)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** {@link AuditDao#stateChange}. */
    public static void stateChange(Handle handle, String entity, long entityId, String from, String to, Instant at,
            long actorId, String actorName, String requestId) {
        handle.createUpdate(AuditDao.STATE_CHANGE).bind("entity", entity).bind("entityId", entityId)
                .bind("from", from).bind("to", to).bind("at", at).bind("actorId", actorId)
                .bind("actorName", actorName).bind("requestId", requestId).bindNull("note", Types.VARCHAR)
                .execute();
    }
}
