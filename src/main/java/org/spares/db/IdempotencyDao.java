package org.spares.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Stored answers of POSTs sent with an Idempotency-Key, unique per (user, key). */
public interface IdempotencyDao {
    /** A stored answer as the table holds it. */
    record StoredAnswer(String requestHash, int responseStatus, String responseBody, String responseLocation) {
    }

    @SqlQuery("""
            SELECT request_hash, response_status, response_body, response_location
              FROM idempotency_keys WHERE user_id = :userId AND idempotency_key = :key
            """)
    @RegisterConstructorMapper(StoredAnswer.class)
    Optional<StoredAnswer> find(@Bind("userId") long userId, @Bind("key") String key);

    String INSERT = """
            INSERT INTO idempotency_keys
                (user_id, idempotency_key, request_hash, response_status, response_body, response_location, created_at)
            VALUES (:userId, :key, :hash, :status, :body, :location, :at)
            """;

    String COMPLETE = """
            UPDATE idempotency_keys SET response_status = :status, response_body = :body, response_location = :location
             WHERE user_id = :userId AND idempotency_key = :key
            """;

    @SqlUpdate(INSERT)
    void insert(@Bind("userId") long userId, @Bind("key") String key, @Bind("hash") String hash,
            @Bind("status") int status, @Bind("body") String body, @Bind("location") String location,
            @Bind("at") Instant at);

    @SqlUpdate(COMPLETE)
    void complete(@Bind("userId") long userId, @Bind("key") String key, @Bind("status") int status,
            @Bind("body") String body, @Bind("location") String location);

    /** Up to `limit` expired keys; the purge job deletes them in batches, keeping each transaction short. */
    @SqlQuery("SELECT id FROM idempotency_keys WHERE created_at < :before ORDER BY id LIMIT :limit")
    List<Long> expired(@Bind("before") Instant before, @Bind("limit") int limit);

    @SqlUpdate("DELETE FROM idempotency_keys WHERE id IN (<ids>)")
    int delete(@BindList("ids") List<Long> ids);
}
