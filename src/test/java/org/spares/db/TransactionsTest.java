package org.spares.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spares.service.Transactions;
import org.spares.support.TestDatabase;

/**
 * Transactions on the database under test: on MySQL/MariaDB they are explicit (START TRANSACTION ... COMMIT), on
 * H2 Jdbi's own. Either way the work commits whole or not at all, and the connection goes back in autocommit.
 */
class TransactionsTest {
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
    private static TestDatabase database;
    private static Jdbi jdbi;
    private static Transactions transactions;

    @BeforeAll
    static void migrate() {
        database = TestDatabase.fresh();
        jdbi = database.migratedJdbi();
        transactions = new Transactions(jdbi, 3);
    }

    @Test
    void explicitTransactionsAreUsedExactlyOnMySqlAndMariaDb() {
        boolean mysql = database.url().startsWith("jdbc:mysql:");
        assertThat(jdbi.withHandle(ExplicitTransaction::supports)).isEqualTo(mysql);
    }

    @Test
    void workCommitsWholeOrNotAtAll() {
        transactions.inTransaction(handle -> {
            IdempotencyDao.claim(handle, 11, "a", "h".repeat(64), AT);
            IdempotencyDao.claim(handle, 11, "b", "h".repeat(64), AT);
            return null;
        });
        assertThat(keys(11)).isEqualTo(2);

        assertThatThrownBy(() -> transactions.inTransaction(handle -> {
            IdempotencyDao.claim(handle, 12, "a", "h".repeat(64), AT);
            throw new IllegalStateException("the work failed after its first write");
        })).hasMessageContaining("first write");
        assertThat(keys(12)).isZero();

        // A failing statement (a duplicate key) rolls back the statements before it as well.
        assertThatThrownBy(() -> transactions.inTransaction(handle -> {
            IdempotencyDao.claim(handle, 13, "a", "h".repeat(64), AT);
            IdempotencyDao.claim(handle, 11, "a", "h".repeat(64), AT);
            return null;
        })).satisfies(failure -> assertThat(SqlErrors.isDuplicateKey(failure)).isTrue());
        assertThat(keys(13)).isZero();
    }

    @Test
    void afterAFailureTheConnectionsAreBackInAutocommitWithNothingOpen() throws Exception {
        for (int round = 0; round < 5; round++) {
            int user = 100 + round;
            assertThatThrownBy(() -> transactions.inTransaction(handle -> {
                IdempotencyDao.claim(handle, user, "x", "h".repeat(64), AT);
                throw new IllegalStateException("refused");
            }));
            // A plain statement outside any transaction is committed at once, and seen by another connection.
            jdbi.useHandle(handle -> {
                assertThat(handle.getConnection().getAutoCommit()).isTrue();
                IdempotencyDao.claim(handle, user, "y", "h".repeat(64), AT);
            });
            assertThat(keys(user)).isEqualTo(1);
        }
    }

    private static int keys(long user) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM idempotency_keys WHERE user_id = :u")
                .bind("u", user).mapTo(Integer.class).one());
    }
}
