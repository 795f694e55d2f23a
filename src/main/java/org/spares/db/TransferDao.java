package org.spares.db;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
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

    @SqlQuery(VIEW + """
             WHERE t.id > :after
               AND (:depot IS NULL OR f.code = :depot OR o.code = :depot)
               AND (:status IS NULL OR t.status = :status)
               AND (:allDepots = TRUE OR f.code IN (<depots>) OR o.code IN (<depots>))
             ORDER BY t.id LIMIT :limit
            """)
    List<Transfer> page(@Bind("after") long after, @Bind("limit") int limit, @Bind("depot") String depot,
            @Bind("status") String status, @Bind("allDepots") boolean allDepots,
            @BindList("depots") Collection<String> depots);
}
