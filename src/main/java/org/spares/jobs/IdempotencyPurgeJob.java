package org.spares.jobs;

import io.dropwizard.util.Duration;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spares.service.IdempotencyKeys;

/**
 * Deletes stored Idempotency-Key answers older than the retention, in small batches. A batch that fails is retried
 * one key at a time, so a key that cannot be deleted is logged with its id and skipped for the rest of the pass
 * instead of stalling the purge; the next pass tries it again.
 */
public class IdempotencyPurgeJob implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyPurgeJob.class);
    private static final int BATCH = 500;

    private final IdempotencyKeys keys;
    private final Clock clock;
    private final Duration retention;

    public IdempotencyPurgeJob(IdempotencyKeys keys, Clock clock, Duration retention) {
        this.keys = keys;
        this.clock = clock;
        this.retention = retention;
    }

    /** One scheduled pass. */
    @Override
    public void run() {
        int deleted = purge();
        if (deleted > 0) {
            LOG.info("purged {} idempotency keys", deleted);
        }
    }

    /** Deletes every expired key; returns how many. */
    public int purge() {
        Instant before = clock.instant().minusMillis(retention.toMilliseconds());
        Set<Long> skipped = new HashSet<>();
        int total = 0;
        while (!Thread.currentThread().isInterrupted()) {
            int limit = BATCH + skipped.size();
            List<Long> expired = keys.expired(before, limit);
            List<Long> fresh = expired.stream().filter(id -> !skipped.contains(id)).toList();
            if (!fresh.isEmpty()) {
                total += deleteOrIsolate(fresh, skipped);
            }
            if (expired.size() < limit || fresh.isEmpty()) {
                return total;
            }
        }
        return total;
    }

    private int deleteOrIsolate(List<Long> ids, Set<Long> skipped) {
        try {
            return delete(ids);
        } catch (RuntimeException batchFailure) {
            int deleted = 0;
            for (long id : ids) {
                try {
                    deleted += delete(List.of(id));
                } catch (RuntimeException failure) {
                    LOG.warn("idempotency key {} could not be purged; skipped until the next pass", id, failure);
                    skipped.add(id);
                }
            }
            return deleted;
        }
    }

    private int delete(List<Long> ids) {
        return keys.delete(ids);
    }
}
