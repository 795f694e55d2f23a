package org.spares.jobs;

import io.dropwizard.lifecycle.Managed;
import io.dropwizard.util.Duration;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spares.service.IdempotencyKeys;

/** Deletes stored Idempotency-Key answers older than the retention, in small batches, on a schedule. */
public class IdempotencyPurgeJob implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyPurgeJob.class);
    private static final int BATCH = 500;

    private final IdempotencyKeys keys;
    private final Clock clock;
    private final Duration retention;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public IdempotencyPurgeJob(IdempotencyKeys keys, Clock clock, Duration retention, Duration interval) {
        this.keys = keys;
        this.clock = clock;
        this.retention = retention;
        this.interval = interval;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "idempotency-purge");
            thread.setDaemon(true);
            return thread;
        });
        long every = interval.toMilliseconds();
        executor.scheduleWithFixedDelay(this::purgeQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Deletes every expired key; returns how many. */
    public int purge() {
        Instant before = clock.instant().minusMillis(retention.toMilliseconds());
        int total = 0;
        while (true) {
            int deleted = keys.purgeBatch(before, BATCH);
            total += deleted;
            if (deleted < BATCH) {
                return total;
            }
        }
    }

    private void purgeQuietly() {
        try {
            int deleted = purge();
            if (deleted > 0) {
                LOG.info("purged {} idempotency keys", deleted);
            }
        } catch (RuntimeException failure) {
            // The next run tries again; a failed purge loses nothing.
            LOG.warn("idempotency purge failed: {}", failure.toString());
        }
    }
}
