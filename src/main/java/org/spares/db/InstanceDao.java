package org.spares.db;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.spares.domain.ServerInstance;

/** The heartbeat rows of running servers (table {@code instances}). */
public interface InstanceDao {
    /** One statement for the first beat and every later one; it also puts back a row someone deleted. */
    @SqlUpdate("""
            INSERT INTO instances (id, host, started_at, seen_at) VALUES (:id, :host, :startedAt, :seenAt)
            ON DUPLICATE KEY UPDATE seen_at = VALUES(seen_at)
            """)
    void beat(@Bind("id") String id, @Bind("host") String host, @Bind("startedAt") Instant startedAt,
            @Bind("seenAt") Instant seenAt);

    @SqlUpdate("DELETE FROM instances WHERE id = :id")
    void delete(@Bind("id") String id);

    /** Rows of servers that stopped without a clean stop long ago; only keeps the table small. */
    @SqlUpdate("DELETE FROM instances WHERE seen_at < :before")
    int deleteSeenBefore(@Bind("before") Instant before);

    @SqlQuery("SELECT id, host, started_at, seen_at FROM instances WHERE seen_at >= :since ORDER BY seen_at DESC, id")
    @RegisterConstructorMapper(ServerInstance.class)
    List<ServerInstance> seenSince(@Bind("since") Instant since);
}
