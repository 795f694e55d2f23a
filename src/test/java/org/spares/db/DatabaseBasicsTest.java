package org.spares.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spares.support.TestDatabase;


/**
 * The changelog and the SQL on the database under test (H2, or MariaDB with SPARES_TEST_DB_URL): instants keep
 * their microseconds (MariaDB 10 with Connector/J drops them from bound timestamps), keys purge in batches.
 */
class DatabaseBasicsTest {
    private static Jdbi jdbi;

    @BeforeAll
    static void migrate() {
        TestDatabase database = TestDatabase.fresh();
        jdbi = database.migratedJdbi();
    }

    @Test
    void instantsKeepMicrosecondsThroughBindAndRead() {
        Instant at = Instant.parse("2026-03-04T05:06:07.123456Z");
        // Through Jdbi's binding (JdbiSetup's instant argument): the DAO's own insert runs as plain JDBC.
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO idempotency_keys (user_id, idempotency_key, request_hash, response_status, response_body,
                                              created_at)
                VALUES (1, 'k', :hash, 200, '{}', :at)
                """).bind("hash", "h".repeat(64)).bind("at", at).execute());
        Instant back = jdbi.withHandle(h -> h.createQuery("SELECT created_at FROM idempotency_keys WHERE user_id = 1")
                .mapTo(Instant.class).one());
        assertThat(back).isEqualTo(at);
        List<Long> expired = jdbi.withExtension(IdempotencyDao.class,
                keys -> keys.expired(Instant.parse("2026-03-04T05:06:07.123457Z"), 10));
        assertThat(expired).hasSize(1);
        List<Long> notYet = jdbi.withExtension(IdempotencyDao.class,
                keys -> keys.expired(Instant.parse("2026-03-04T05:06:07.123456Z"), 10));
        assertThat(notYet).isEmpty();
    }

    @Test
    void aConfiguredButUnreachableMySqlFailsInsteadOfSkipping() {
        assertThatThrownBy(() -> TestDatabase.mysql("jdbc:mysql://127.0.0.1:1/nowhere"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be used");
    }
}
