package org.spares.service;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spares.db.ExplicitTransaction;
import org.spares.db.SqlErrors;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;

/**
 * Runs units of work in one database transaction each, retrying deadlocks and lock-wait timeouts a bounded
 * number of times. The work must be free of side effects outside the handle, since it may run again, and must not
 * open a transaction of its own. On MySQL/MariaDB the transaction is an {@link ExplicitTransaction}; on H2, Jdbi's.
 */
public final class Transactions {
    /** One unit of work on one handle. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Handle handle);
    }

    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

    private final Jdbi jdbi;
    private final int attempts;
    private volatile Boolean explicitTransactions;

    public Transactions(Jdbi jdbi, int attempts) {
        this.jdbi = jdbi;
        this.attempts = Math.max(1, attempts);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public <T> T inTransaction(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(work);
            } catch (RuntimeException failure) {
                if (!SqlErrors.isRetryable(failure)) {
                    throw failure;
                }
                if (attempt >= attempts) {
                    throw new DomainException(ErrorCode.UNAVAILABLE,
                            "the database is busy with conflicting changes; retry the request",
                            Map.of("retryable", true));
                }
                LOG.info("retrying a transaction after {} (attempt {})", failure.getClass().getSimpleName(), attempt);
                backOff(attempt);
            }
        }
    }

    private <T> T once(Work<T> work) {
        return jdbi.withHandle(handle -> explicit(handle)
                ? ExplicitTransaction.run(handle, work::run)
                : handle.inTransaction(inside -> work.run(inside)));
    }

    /** Whether this database takes {@link ExplicitTransaction}s; asked once, of the first handle. */
    private boolean explicit(Handle handle) {
        Boolean known = explicitTransactions;
        if (known == null) {
            known = ExplicitTransaction.supports(handle);
            explicitTransactions = known;
        }
        return known;
    }

    /** Read-only work: no retry needed, but the same handle discipline. */
    public <T> T read(Work<T> work) {
        return jdbi.withHandle(handle -> work.run(handle));
    }

    private static void backOff(int attempt) {
        long millis = ThreadLocalRandom.current().nextLong(1, 5L << Math.min(attempt, 6));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DomainException(ErrorCode.UNAVAILABLE, "the request was interrupted", Map.of());
        }
    }
}
