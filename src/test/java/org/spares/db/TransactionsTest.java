package org.spares.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spares.service.Transactions;
import org.spares.support.TestDatabase;
import org.spares.support.TestServices;


/**
 * Transactions on the database under test, Jdbi's own on every database: the work commits whole or not at all, the
 * connection goes back in autocommit, and a transaction or a unit of work opened inside another one is refused, so
 * nothing can commit early or on a second connection.
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
        transactions = TestServices.transactions(jdbi);
    }

    @Test
    void aNestedTransactionCannotCommitEarly() {
        assertThatThrownBy(() -> transactions.inTransaction(handle -> {
            IdempotencyDao.claim(handle, 21, "outer", "h".repeat(64), AT);
            // Jdbi runs a nested transaction inside the open one: its end is not a commit.
            handle.useTransaction(inner -> IdempotencyDao.claim(inner, 21, "inner", "h".repeat(64),
                    AT));
            throw new IllegalStateException("the unit of work fails after the nested transaction");
        })).hasMessageContaining("fails after");
        assertThat(keys(21)).as("neither write survived: the nested transaction's end committed nothing").isZero();
    }

    @Test
    void transactionControlByHandInsideAUnitOfWorkIsRefusedAndNothingCommits() {
        for (int user = 22; user <= 24; user++) {
            int step = user;
            assertThatThrownBy(() -> transactions.inTransaction(handle -> {
                IdempotencyDao.claim(handle, step, "outer", "h".repeat(64), AT);
                if (step == 22) {
                    handle.commit();
                } else if (step == 23) {
                    handle.begin();
                } else {
                    handle.rollback();
                }
                return null;
            })).isInstanceOf(SingleTransactions.NestedTransactionException.class);
            assertThat(keys(step)).isZero();
        }
    }

    @Test
    void aUnitOfWorkOpenedInsideAnotherOneIsRefusedAndNothingCommits() {
        assertThatThrownBy(() -> transactions.inTransaction(handle -> {
            IdempotencyDao.claim(handle, 25, "outer", "h".repeat(64), AT);
            // A second unit of work would run on a second connection and commit on its own.
            return transactions.inTransaction(second -> {
                IdempotencyDao.claim(second, 25, "second", "h".repeat(64), AT);
                return null;
            });
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("inside another one");
        assertThat(keys(25)).isZero();
        assertThatThrownBy(() -> transactions.inTransaction(handle -> transactions.read(read -> 1)))
                .isInstanceOf(IllegalStateException.class);
        // The refusal leaves the thread able to work again.
        Integer again = transactions.read(handle -> 1);
        assertThat(again).isEqualTo(1);
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
