package org.spares.db;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.spares.domain.ListOrder;
import org.spares.domain.Priority;
import org.spares.domain.RepairOrder;
import org.spares.domain.RepairOrderStatus;
import org.spares.domain.Transition;

/**
 * Repair orders. Their wait bookkeeping is read under the row lock and written back whole: MySQL and H2 disagree
 * on whether a SET clause sees columns already assigned in the same UPDATE, so no UPDATE relies on either.
 */
@RegisterConstructorMapper(RepairOrder.class)
public interface RepairOrderDao extends SqlObject {
    String VIEW = """
            SELECT r.id, d.code AS depot, r.asset_tag, r.description, r.priority, r.status,
                   r.target_turnaround_hours, r.opened_at, r.opened_by, r.completed_at, r.cancelled_at,
                   r.backordered_count, r.awaiting_since, r.parts_wait_micros
              FROM repair_orders r JOIN depots d ON d.id = r.depot_id
            """;

    @SqlUpdate("""
            INSERT INTO repair_orders (depot_id, asset_tag, description, priority, priority_rank, status,
                                       target_turnaround_hours, opened_at, opened_by)
            VALUES (:depotId, :assetTag, :description, :priority, :rank, 'OPEN', :target, :at, :actorId)
            """)
    @GetGeneratedKeys("id")
    long insert(@Bind("depotId") long depotId, @Bind("assetTag") String assetTag,
            @Bind("description") String description, @Bind("priority") String priority, @Bind("rank") int rank,
            @Bind("target") BigDecimal target, @Bind("at") Instant at, @Bind("actorId") long actorId);

    /** What a reservation needs before it locks anything: the order's depot, and the part of the sku (null if none). */
    record ReserveTarget(long depotId, String depot, Long partId, String sku) {
        /** Its one mapping. */
        public static final class Mapper implements RowMapper<ReserveTarget> {
            @Override
            public ReserveTarget map(ResultSet row, StatementContext context) throws SQLException {
                long id = row.getLong("part_id");
                Long partId = row.wasNull() ? null : id;
                return new ReserveTarget(row.getLong("depot_id"), row.getString("depot"), partId,
                        row.getString("sku"));
            }
        }
    }

    /** The state a reservation checks under the order's lock. */
    record LockedState(RepairOrderStatus status, Priority priority) {
        /** Its one mapping. */
        public static final class Mapper implements RowMapper<LockedState> {
            @Override
            public LockedState map(ResultSet row, StatementContext context) throws SQLException {
                return new LockedState(RepairOrderStatus.valueOf(row.getString("status")),
                        Priority.valueOf(row.getString("priority")));
            }
        }
    }

    /** One read instead of three (order, its depot id, the part by sku): it runs on every reservation. */
    NamedSql RESERVE_TARGET = NamedSql.of("""
            SELECT r.depot_id, d.code AS depot, pt.id AS part_id, pt.sku
              FROM repair_orders r JOIN depots d ON d.id = r.depot_id LEFT JOIN parts pt ON pt.sku = :sku
             WHERE r.id = :id
            """);

    /**
     * Locks the order's row alone, by writing it: bumps {@code lock_version}. A write locks the row as {@code SELECT
     * ... FOR UPDATE} does on one database, and on a Galera cluster it is also what certification compares across
     * nodes (a locking read is local to its node): a reservation and a cancel of one order on two nodes conflict,
     * and one is retried. Never through the depots join: a locking read locks every row it reads, the depot's too.
     */
    NamedSql LOCK = NamedSql.of("UPDATE repair_orders SET lock_version = lock_version + 1 WHERE id = :id");

    NamedSql STATE = NamedSql.of("SELECT status, priority FROM repair_orders WHERE id = :id");

    RowMapper<ReserveTarget> RESERVE_TARGET_MAPPER = new ReserveTarget.Mapper();

    RowMapper<LockedState> LOCKED_STATE_MAPPER = new LockedState.Mapper();

    /** The order's depot and the sku's part, read before any lock; empty for an unknown order. Hot path. */
    static Optional<ReserveTarget> reserveTarget(Handle handle, long id, String sku) {
        return RESERVE_TARGET.findOne(handle, RESERVE_TARGET_MAPPER, "id", id, "sku", sku);
    }

    /** Locks the order's row ({@link #LOCK}) and reads its status and priority. Hot path ({@link NamedSql}). */
    static Optional<LockedState> lockState(Handle handle, long id) {
        if (LOCK.update(handle, "id", id) == 0) {
            return Optional.empty();
        }
        return STATE.findOne(handle, LOCKED_STATE_MAPPER, "id", id);
    }

    /** Locks the order's row alone ({@link #LOCK}), then reads it through the view. */
    default Optional<RepairOrder> lock(long id) {
        if (LOCK.update(getHandle(), "id", id) == 0) {
            return Optional.empty();
        }
        return find(id);
    }

    @SqlQuery(VIEW + " WHERE r.id = :id")
    Optional<RepairOrder> find(@Bind("id") long id);

    @SqlQuery("SELECT depot_id FROM repair_orders WHERE id = :id")
    long depotId(@Bind("id") long id);

    /** Writes the status and wait bookkeeping computed under the row lock. */
    @SqlUpdate("""
            UPDATE repair_orders SET status = :status, backordered_count = :count, awaiting_since = :awaitingSince,
                   parts_wait_micros = :waitMicros
             WHERE id = :id
            """)
    int updateWait(@Bind("id") long id, @Bind("status") RepairOrderStatus status, @Bind("count") int count,
            @Bind("awaitingSince") Instant awaitingSince, @Bind("waitMicros") long waitMicros);

    /** Completes or cancels, stamping {@code <column>_at}; 0 rows when it was not in {@code move.from}. */
    @SqlUpdate("""
            UPDATE repair_orders SET status = :move.toName, <column>_at = :at, closed_by = :actorId
             WHERE id = :id AND status = :move.fromName
            """)
    int close(@Bind("id") long id, @BindMethods("move") Transition<RepairOrderStatus> move,
            @Define("column") String column, @Bind("at") Instant at, @Bind("actorId") long actorId);

    /** The fields a list of orders may be sorted by, besides id. */
    Map<String, Keyset.Column> SORTS = Map.of("openedAt", Keyset.instant("r.opened_at"));

    /** Which orders a list shows; null fields do not filter; opened in [openedFrom, openedTo). */
    record Filter(String depot, String status, String priority, Instant openedFrom, Instant openedTo) {
    }

    default List<RepairOrder> page(ListOrder page, int limit, Filter filter, boolean allDepots,
            Collection<String> depots) {
        return page(Keyset.where(page, "r.id", SORTS), Keyset.orderBy(page, "r.id", SORTS), page, limit, filter,
                allDepots, depots);
    }

    @SqlQuery(VIEW + """
             WHERE <after>
               AND (:filter.depot IS NULL OR d.code = :filter.depot)
               AND (:filter.status IS NULL OR r.status = :filter.status)
               AND (:filter.priority IS NULL OR r.priority = :filter.priority)
               AND (:filter.openedFrom IS NULL OR r.opened_at >= :filter.openedFrom)
               AND (:filter.openedTo IS NULL OR r.opened_at < :filter.openedTo)
               AND (:allDepots = TRUE OR d.code IN (<depots>))
             ORDER BY <orderBy> LIMIT :limit
            """)
    List<RepairOrder> page(@Define("after") String after, @Define("orderBy") String orderBy,
            @BindMethods("page") ListOrder page, @Bind("limit") int limit, @BindMethods("filter") Filter filter,
            @Bind("allDepots") boolean allDepots, @BindList("depots") Collection<String> depots);
}
