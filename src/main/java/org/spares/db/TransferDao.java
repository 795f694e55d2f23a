package org.spares.db;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.spares.domain.ListOrder;
import org.spares.domain.Transfer;
import org.spares.domain.TransferStatus;
import org.spares.domain.Transition;

/** Transfers. A status moves only by a conditional UPDATE from the state it must be in. */
@RegisterConstructorMapper(Transfer.class)
public interface TransferDao {
    String VIEW = """
            SELECT t.id, f.code AS from_depot, o.code AS to_depot, pt.sku, t.quantity, t.status, t.requested_at,
                   t.requested_by, t.shipped_at, t.shipped_by, t.received_at, t.received_by, t.cancelled_at,
                   t.cancelled_by
              FROM transfers t JOIN depots f ON f.id = t.from_depot_id JOIN depots o ON o.id = t.to_depot_id
                   JOIN parts pt ON pt.id = t.part_id
            """;

    /** The ids a transfer's work needs, read under its row lock. */
    record Keys(long id, long fromDepotId, long toDepotId, long partId, int quantity, TransferStatus status) {
    }

    @SqlUpdate("""
            INSERT INTO transfers (from_depot_id, to_depot_id, part_id, quantity, status, requested_at, requested_by)
            VALUES (:fromDepotId, :toDepotId, :partId, :quantity, 'REQUESTED', :at, :actorId)
            """)
    @GetGeneratedKeys("id")
    long insert(@Bind("fromDepotId") long fromDepotId, @Bind("toDepotId") long toDepotId, @Bind("partId") long partId,
            @Bind("quantity") int quantity, @Bind("at") Instant at, @Bind("actorId") long actorId);

    @SqlQuery("SELECT id, from_depot_id, to_depot_id, part_id, quantity, status FROM transfers WHERE id = :id")
    @RegisterConstructorMapper(Keys.class)
    Optional<Keys> keys(@Bind("id") long id);

    /** Moves the status, stamping {@code <column>_at} and {@code <column>_by}; 0 rows when not in {@code move.from}. */
    @SqlUpdate("""
            UPDATE transfers SET status = :move.toName, <column>_at = :at, <column>_by = :actorId
             WHERE id = :id AND status = :move.fromName
            """)
    int move(@Bind("id") long id, @BindMethods("move") Transition<TransferStatus> move,
            @Define("column") String column, @Bind("at") Instant at, @Bind("actorId") long actorId);

    @SqlQuery(VIEW + " WHERE t.id = :id")
    Optional<Transfer> find(@Bind("id") long id);

    /** The fields a list of transfers may be sorted by, besides id. */
    Map<String, Keyset.Column> SORTS = Map.of("requestedAt", Keyset.instant("t.requested_at"),
            "quantity", Keyset.number("t.quantity"));

    /** Which transfers a list shows; null fields do not filter ({@code depot} matches either end). */
    record Filter(String depot, String status, String fromDepot, String toDepot, String sku) {
    }

    default List<Transfer> page(ListOrder page, int limit, Filter filter, boolean allDepots,
            Collection<String> depots) {
        return page(Keyset.where(page, "t.id", SORTS), Keyset.orderBy(page, "t.id", SORTS), page, limit, filter,
                allDepots, depots);
    }

    @SqlQuery(VIEW + """
             WHERE <after>
               AND (:filter.depot IS NULL OR f.code = :filter.depot OR o.code = :filter.depot)
               AND (:filter.status IS NULL OR t.status = :filter.status)
               AND (:filter.fromDepot IS NULL OR f.code = :filter.fromDepot)
               AND (:filter.toDepot IS NULL OR o.code = :filter.toDepot)
               AND (:filter.sku IS NULL OR pt.sku = :filter.sku)
               AND (:allDepots = TRUE OR f.code IN (<depots>) OR o.code IN (<depots>))
             ORDER BY <orderBy> LIMIT :limit
            """)
    List<Transfer> page(@Define("after") String after, @Define("orderBy") String orderBy,
            @BindMethods("page") ListOrder page, @Bind("limit") int limit, @BindMethods("filter") Filter filter,
            @Bind("allDepots") boolean allDepots, @BindList("depots") Collection<String> depots);
}
