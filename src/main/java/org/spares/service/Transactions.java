package org.spares.service;

import com.codahale.metrics.Meter;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spares.db.SqlErrors;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;

/**
 * The one way a service method reaches the database: one unit of work is one transaction (Jdbi's, on every
 * database), retried a bounded number of times on a deadlock or lock-wait timeout, with the Idempotency-Key's claim
 * and its answer inside the same transaction as the work. The work must be free of side effects outside the handle,
 * since it may run again. A unit of work opened inside another one on the same thread is refused: it would run on a
 * second connection, commit on its own and could wait on locks its caller holds.
 */
public final class Transactions {
    /** One unit of work on one handle. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Handle handle);
    }

    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);
    private static final ThreadLocal<Boolean> OPEN = ThreadLocal.withInitial(() -> false);

    private final Jdbi jdbi;
    private final int attempts;
    private final IdempotencyClaims claims;
    private final Meter retried = new Meter();
    private final Meter exhausted = new Meter();

    /**
     * @param clock stamps the Idempotency-Keys' rows, which the purge job ages out
     * @param maxStoredAnswerBytes the largest answer kept under an Idempotency-Key (config
     *     {@code spares.maxStoredAnswerSize})
     */
    public Transactions(Jdbi jdbi, int attempts, Clock clock, long maxStoredAnswerBytes) {
        this.jdbi = jdbi;
        this.attempts = Math.max(1, attempts);
        this.claims = new IdempotencyClaims(clock, maxStoredAnswerBytes);
    }

    /** A change without an Idempotency-Key. */
    public <T> T inTransaction(Work<T> work) {
        return inTransaction(Idempotency.none(), work);
    }

    /**
     * A change; with a key, claimed before the work so that a concurrent twin waits on the key's unique index and
     * then replays this call's answer instead of doing the work too.
     *
     * @throws Idempotency.Replayed when the key was used before for the same request
     */
    public <T> T inTransaction(Idempotency<T> once, Work<T> work) {
        if (!once.present()) {
            return retrying(work);
        }
        IdempotencyClaims.checkKey(once);
        for (int race = 0; ; race++) {
            // No read first: a first call (the common case) would pay a round trip for nothing. A key already used
            // fails the claim's INSERT before the work, and its answer is read then.
            try {
                return retrying(handle -> {
                    claims.claim(handle, once);
                    T result = work.run(handle);
                    claims.complete(handle, once, result);
                    return result;
                });
            } catch (RuntimeException failure) {
                if (!SqlErrors.isDuplicateKey(failure)) {
                    throw failure;
                }
            }
            // Taken: by an earlier call, or by a twin that has committed since (the INSERT waited for it).
            read(handle -> claims.replayIfStored(handle, once));
            claims.pause(race, once);
        }
    }

    /**
     * Work that must not run inside a transaction (the optimizer): a stored answer is replayed; otherwise the work
     * runs outside any transaction and its answer is stored afterwards. Two concurrent first calls may both compute;
     * only the first stored answer counts, and the second call answers it.
     */
    public <T> T outside(Idempotency<T> once, Supplier<T> work) {
        if (!once.present()) {
            return work.get();
        }
        IdempotencyClaims.checkKey(once);
        read(handle -> claims.replayIfStored(handle, once));
        T result = work.get();
        try {
            retrying(handle -> claims.storeIfSmall(handle, once, result));
            return result;
        } catch (RuntimeException failure) {
            if (!SqlErrors.isDuplicateKey(failure)) {
                throw failure;
            }
            read(handle -> claims.replayIfStored(handle, once));
            throw failure;
        }
    }

    /**
     * Reads that must see one snapshot of the whole database (check-ledger on a live one): MariaDB's REPEATABLE READ
     * reads one snapshot without locking; H2 keeps one snapshot for the whole transaction only at SERIALIZABLE (its
     * REPEATABLE READ only pins rows already read).
     */
    public <T> T snapshot(Work<T> work) {
        return alone(() -> jdbi.withHandle(handle -> handle.inTransaction(snapshotLevel(handle), work::run)));
    }

    private static TransactionIsolationLevel snapshotLevel(Handle handle) {
        try {
            return handle.getConnection().getMetaData().getDatabaseProductName().contains("H2")
                    ? TransactionIsolationLevel.SERIALIZABLE : TransactionIsolationLevel.REPEATABLE_READ;
        } catch (SQLException unknown) {
            throw new IllegalStateException("the database does not say what it is", unknown);
        }
    }

    /**
     * Transactions run again after a deadlock, a lock-wait timeout or (on a Galera cluster) a certification
     * conflict; on a cluster their rate is how often writes on different nodes collide.
     */
    public Meter retried() {
        return retried;
    }

    /** Units of work that failed every attempt and answered 503 retryable. */
    public Meter exhausted() {
        return exhausted;
    }

    /** Reads: one handle, no retry, the same refusal of nesting. */
    public <T> T read(Work<T> work) {
        return alone(() -> jdbi.withHandle(work::run));
    }

    private <T> T retrying(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return alone(() -> jdbi.inTransaction(work::run));
            } catch (RuntimeException failure) {
                if (!SqlErrors.isRetryable(failure)) {
                    throw failure;
                }
                if (attempt >= attempts) {
                    exhausted.mark();
                    throw new DomainException(ErrorCode.UNAVAILABLE,
                            "the database is busy with conflicting changes; retry the request",
                            Map.of("retryable", true));
                }
                retried.mark();
                LOG.info("retrying a transaction after {} (attempt {})", failure.getClass().getSimpleName(), attempt);
                backOff(attempt);
            }
        }
    }

    private static <T> T alone(Supplier<T> work) {
        if (OPEN.get()) {
            throw new IllegalStateException("a unit of work was opened inside another one on the same thread");
        }
        OPEN.set(true);
        try {
            return work.get();
        } finally {
            OPEN.set(false);
        }
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
