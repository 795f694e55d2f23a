package org.spares.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
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

    NamedSql INSERT = NamedSql.of("""
            INSERT INTO idempotency_keys
                (user_id, idempotency_key, request_hash, response_status, response_body, response_location, created_at)
            VALUES (:userId, :key, :hash, :status, :body, :location, :at)
            """);

    NamedSql COMPLETE = NamedSql.of("""
            UPDATE idempotency_keys SET response_status = :status, response_body = :body, response_location = :location
             WHERE user_id = :userId AND idempotency_key = :key
            """);

    /**
     * Stores a key with its answer; a used key fails as a duplicate. Every POST with a key runs this (or
     * {@link #claim}), so it runs as plain JDBC ({@link NamedSql}).
     */
    static void insert(Handle handle, long userId, String key, String hash, int status, String body, String location,
            Instant at) {
        INSERT.update(handle, "userId", userId, "key", key, "hash", hash, "status", status, "body", body,
                "location", location, "at", at);
    }

    /** Takes a key not answered yet (status 0, empty body): a used key fails it as a duplicate. */
    static void claim(Handle handle, long userId, String key, String hash, Instant at) {
        insert(handle, userId, key, hash, 0, "", null, at);
    }

    /** Stores the answer of a claimed key. */
    static void complete(Handle handle, long userId, String key, int status, String body, String location) {
        COMPLETE.update(handle, "userId", userId, "key", key, "status", status, "body", body, "location", location);
    }

    /** Up to `limit` expired keys; the purge job deletes them in batches, keeping each transaction short. */
    @SqlQuery("SELECT id FROM idempotency_keys WHERE created_at < :before ORDER BY id LIMIT :limit")
    List<Long> expired(@Bind("before") Instant before, @Bind("limit") int limit);

    @SqlUpdate("DELETE FROM idempotency_keys WHERE id IN (<ids>)")
    int delete(@BindList("ids") List<Long> ids);
}
