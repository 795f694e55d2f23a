package org.spares.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;

/** How database failures are told apart, for the ones no single database in the suite produces on demand. */
class SqlErrorsTest {
    @Test
    void aGaleraNodeThatLostThePrimaryComponentAtCommitIsUnavailableNotAFailure() {
        SQLException commit = new SQLException("Error while appending streaming replication fragment(provider status:"
                + " Not connected to Primary Component)", "HY000", 1180);
        assertThat(SqlErrors.isUnavailable(new IllegalStateException("wrapped", commit))).isTrue();
        assertThat(SqlErrors.isRetryable(commit)).isFalse();
    }

    @Test
    void aGaleraNodeNotReadyIsUnavailable() {
        assertThat(SqlErrors.isUnavailable(new SQLException("WSREP has not yet prepared node for application use",
                "08S01", 1047))).isTrue();
    }

    @Test
    void aCertificationConflictIsRetriedAsADeadlock() {
        assertThat(SqlErrors.isRetryable(new ConnectionException(new SQLException(
                "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213)))).isTrue();
    }

    @Test
    void aConstraintViolationIsNeither() {
        SQLException duplicate = new SQLException("Duplicate entry", "23000", 1062);
        assertThat(SqlErrors.isUnavailable(duplicate)).isFalse();
        assertThat(SqlErrors.isRetryable(duplicate)).isFalse();
        assertThat(SqlErrors.isDuplicateKey(duplicate)).isTrue();
    }
}
