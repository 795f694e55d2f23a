package org.spares.service;

import java.time.Instant;
import java.util.List;
import org.spares.db.IdempotencyDao;

/** The retention of Idempotency-Keys: old keys are found, then deleted in small batches, each its own transaction. */
public final class IdempotencyKeys {
    private final Transactions transactions;

    public IdempotencyKeys(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Up to {@code limit} keys created before the instant, oldest first. */
    public List<Long> expired(Instant before, int limit) {
        return transactions.read(handle -> handle.attach(IdempotencyDao.class).expired(before, limit));
    }

    /** Deletes the keys; returns how many were deleted. */
    public int delete(List<Long> ids) {
        return transactions.inTransaction(handle -> handle.attach(IdempotencyDao.class).delete(ids));
    }
}
