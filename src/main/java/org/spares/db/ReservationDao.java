package org.spares.db;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.spares.domain.ListOrder;
import org.spares.domain.Reservation;
import org.spares.domain.ReservationStatus;
import org.spares.domain.Transition;

/**
 * Reservations. A status moves only by a conditional UPDATE from the state it must be in, and only while the
 * caller holds the reservation's position lock: that lock is what serialises everything on a position.
 */
@RegisterConstructorMapper(Reservation.class)
@RegisterConstructorMapper(ReservationDao.Row.class)
public interface ReservationDao {
    /** The ids and numbers a reservation's work needs. */
    record Row(long id, long repairOrderId, long depotId, long partId, long positionId, int quantity,
            ReservationStatus status, int priorityRank) {
    }

    String ROW = "SELECT id, repair_order_id, depot_id, part_id, position_id, quantity, status, priority_rank"
            + " FROM reservations";

    String VIEW = """
            SELECT r.id, r.repair_order_id, d.code AS depot, pt.sku, r.quantity, r.status, r.priority_rank,
                   r.created_at, r.held_at, r.expires_at, r.backordered_at, r.issued_at, r.released_at, r.expired_at
              FROM reservations r JOIN depots d ON d.id = r.depot_id JOIN parts pt ON pt.id = r.part_id
            """;

    NamedSql INSERT = NamedSql.of("""
            INSERT INTO reservations (repair_order_id, depot_id, part_id, position_id, quantity, status, priority_rank,
                                      created_at, created_by, held_at, expires_at, backordered_at)
            VALUES (:repairOrderId, :depotId, :partId, :positionId, :quantity, :status, :rank, :at, :actorId,
                    :heldAt, :expiresAt, :backorderedAt)
            """);

    /** A new reservation, HELD or BACKORDERED; its id. On the hot path ({@link NamedSql}). */
    static long insert(Handle handle, long repairOrderId, long depotId, long partId, long positionId, int quantity,
            ReservationStatus status, int rank, Instant at, long actorId, Instant heldAt, Instant expiresAt,
            Instant backorderedAt) {
        return INSERT.insert(handle, "repairOrderId", repairOrderId, "depotId", depotId, "partId", partId,
                "positionId", positionId, "quantity", quantity, "status", status, "rank", rank, "at", at,
                "actorId", actorId, "heldAt", heldAt, "expiresAt", expiresAt, "backorderedAt", backorderedAt);
    }

    @SqlQuery(ROW + " WHERE id = :id")
    Optional<Row> row(@Bind("id") long id);

    /** Moves the status and stamps {@code <column>_at}; 0 rows when it was not in {@code move.from}. */
    @SqlUpdate("""
            UPDATE reservations SET status = :move.toName, <column>_at = :at WHERE id = :id AND status = :move.fromName
            """)
    int move(@Bind("id") long id, @BindMethods("move") Transition<ReservationStatus> move,
            @Define("column") String column, @Bind("at") Instant at);

    /** A backorder filled (BACKORDERED to HELD), its hold starting now. */
    @SqlUpdate("""
            UPDATE reservations SET status = :move.toName, held_at = :at, expires_at = :expiresAt
             WHERE id = :id AND status = :move.fromName
            """)
    int fill(@Bind("id") long id, @BindMethods("move") Transition<ReservationStatus> move, @Bind("at") Instant at,
            @Bind("expiresAt") Instant expiresAt);

    /** The backorders waiting on a position in fill order: highest priority first, then oldest. */
    @SqlQuery(ROW + " WHERE position_id = :positionId AND status = 'BACKORDERED' ORDER BY priority_rank DESC, id")
    List<Row> waiting(@Bind("positionId") long positionId);

    @SqlQuery(ROW + " WHERE repair_order_id = :repairOrderId AND status IN ('HELD', 'BACKORDERED') ORDER BY id")
    List<Row> active(@Bind("repairOrderId") long repairOrderId);

    /** The repair orders that hold at least one reservation (the demo generator's morning round). */
    @SqlQuery("SELECT DISTINCT repair_order_id FROM reservations WHERE status = 'HELD'")
    Set<Long> ordersHolding();

    @SqlQuery("SELECT id FROM reservations WHERE status = 'HELD' AND expires_at <= :now ORDER BY id LIMIT :limit")
    List<Long> overdue(@Bind("now") Instant now, @Bind("limit") int limit);

    @SqlQuery(VIEW + " WHERE r.id = :id")
    Optional<Reservation> find(@Bind("id") long id);

    @SqlQuery(VIEW + " WHERE r.repair_order_id = :repairOrderId ORDER BY r.id")
    List<Reservation> forOrder(@Bind("repairOrderId") long repairOrderId);

    /** The fields a list of reservations may be sorted by, besides id. */
    Map<String, Keyset.Column> SORTS = Map.of("createdAt", Keyset.instant("r.created_at"),
            "quantity", Keyset.number("r.quantity"));

    /** Which reservations a list shows; null fields do not filter. */
    record Filter(String depot, String status, Long repairOrderId, String sku) {
    }

    default List<Reservation> page(ListOrder page, int limit, Filter filter, boolean allDepots,
            Collection<String> depots) {
        return page(Keyset.where(page, "r.id", SORTS), Keyset.orderBy(page, "r.id", SORTS), page, limit, filter,
                allDepots, depots);
    }

    @SqlQuery(VIEW + """
             WHERE <after>
               AND (:filter.depot IS NULL OR d.code = :filter.depot)
               AND (:filter.status IS NULL OR r.status = :filter.status)
               AND (:filter.repairOrderId IS NULL OR r.repair_order_id = :filter.repairOrderId)
               AND (:filter.sku IS NULL OR pt.sku = :filter.sku)
               AND (:allDepots = TRUE OR d.code IN (<depots>))
             ORDER BY <orderBy> LIMIT :limit
            """)
    List<Reservation> page(@Define("after") String after, @Define("orderBy") String orderBy,
            @BindMethods("page") ListOrder page, @Bind("limit") int limit, @BindMethods("filter") Filter filter,
            @Bind("allDepots") boolean allDepots, @BindList("depots") Collection<String> depots);
}
