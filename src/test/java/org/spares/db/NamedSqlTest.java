package org.spares.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spares.support.TestDatabase;


/** The hot path's plain-JDBC statements behave as the DAOs' Jdbi statements do, on the database under test. */
class NamedSqlTest {
    private static Jdbi jdbi;

    @BeforeAll
    static void migrate() {
        TestDatabase database = TestDatabase.fresh();
        jdbi = database.migratedJdbi();
    }

    @Test
    void namedParametersBecomePositionalInOrderAndRepeatedOnesBindEveryPlace() {
        NamedSql sql = NamedSql.of("SELECT :a + :b + :a AS total FROM users WHERE ':not' <> :b");
        assertThat(sql.positionalSql()).isEqualTo("SELECT ? + ? + ? AS total FROM users WHERE ':not' <> ?");
        jdbi.useHandle(handle -> IdempotencyDao.claim(handle, 3, "order", "x".repeat(64),
                Instant.parse("2026-01-01T00:00:00Z")));
        NamedSql find = NamedSql.of("SELECT request_hash FROM idempotency_keys WHERE user_id = :user AND "
                + "idempotency_key = :key AND response_status = :status");
        // Given in another order than the SQL's: each value goes to its own name.
        Optional<String> hash = jdbi.withHandle(handle -> find.findOne(handle, (row, context) -> row.getString(1),
                "status", 0, "key", "order", "user", 3L));
        assertThat(hash).contains("x".repeat(64));
        Optional<String> none = jdbi.withHandle(handle -> find.findOne(handle, (row, context) -> row.getString(1),
                "status", 0, "key", "order", "user", 4L));
        assertThat(none).isEmpty();
    }

    @Test
    void instantsKeepMicrosecondsAndDuplicatesAreRecognisedAsSuch() {
        Instant at = Instant.parse("2026-03-04T05:06:07.123456Z");
        jdbi.useHandle(handle -> IdempotencyDao.claim(handle, 7, "named-sql", "h".repeat(64), at));
        Instant back = jdbi.withHandle(h -> h.createQuery(
                "SELECT created_at FROM idempotency_keys WHERE user_id = 7 AND idempotency_key = 'named-sql'")
                .mapTo(Instant.class).one());
        assertThat(back).isEqualTo(at);

        assertThatThrownBy(() -> jdbi.useHandle(handle ->
                IdempotencyDao.claim(handle, 7, "named-sql", "h".repeat(64), at)))
                .isInstanceOf(NamedSql.StatementFailure.class)
                .satisfies(failure -> assertThat(SqlErrors.isDuplicateKey(failure)).isTrue());

        jdbi.useHandle(handle -> IdempotencyDao.complete(handle, 7, "named-sql", 201, "{\"id\":1}",
                "/x/1"));
        Optional<IdempotencyDao.StoredAnswer> stored = jdbi.withExtension(IdempotencyDao.class,
                keys -> keys.find(7, "named-sql"));
        assertThat(stored).contains(new IdempotencyDao.StoredAnswer("h".repeat(64), 201, "{\"id\":1}", "/x/1"));
    }

    @Test
    void aMissingValueOrMoreThanOneRowIsAnError() {
        NamedSql sql = NamedSql.of("SELECT id FROM users WHERE id = :id");
        assertThatThrownBy(() -> jdbi.withHandle(handle -> sql.findOne(handle, (row, context) -> row.getLong(1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(":id");
        NamedSql two = NamedSql.of("SELECT 1 AS v UNION ALL SELECT 2 AS v");
        assertThatThrownBy(() -> jdbi.withHandle(handle -> two.findOne(handle, (row, context) -> row.getInt(1))))
                .isInstanceOf(IllegalStateException.class);
    }
}
