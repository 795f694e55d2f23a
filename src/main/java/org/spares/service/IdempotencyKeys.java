package org.spares.service;

import java.time.Instant;
import java.util.List;
import org.spares.db.IdempotencyDao;

/** The retention of Idempotency-Keys: old keys are deleted in small batches, each its own short transaction. */
public final class IdempotencyKeys {
    private final Transactions transactions;

    public IdempotencyKeys(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Deletes up to {@code limit} keys created before the instant; returns how many. */
    public int purgeBatch(Instant before, int limit) {
        return transactions.inTransaction(handle -> {
            IdempotencyDao keys = handle.attach(IdempotencyDao.class);
            List<Long> ids = keys.expired(before, limit);
            return ids.isEmpty() ? 0 : keys.delete(ids);
        });
    }
}
