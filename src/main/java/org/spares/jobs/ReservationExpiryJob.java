package org.spares.jobs;

import io.dropwizard.lifecycle.Managed;
import io.dropwizard.util.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spares.domain.Actor;
import org.spares.service.ReservationService;

/**
 * Expires HELD reservations past their hold time, one transaction each (their units become available and fill
 * waiting backorders at once). Expiry is a state change with its time, never a deletion.
 */
public class ReservationExpiryJob implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(ReservationExpiryJob.class);
    private static final int BATCH = 200;
    private static final Actor ACTOR = Actor.system("reservation-expiry");

    private final ReservationService reservations;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public ReservationExpiryJob(ReservationService reservations, Duration interval) {
        this.reservations = reservations;
        this.interval = interval;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "reservation-expiry");
            thread.setDaemon(true);
            return thread;
        });
        long every = interval.toMilliseconds();
        executor.scheduleWithFixedDelay(this::expireQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }

    /** Expires every overdue reservation; returns how many. */
    public int expireOverdue() {
        int expired = 0;
        while (!Thread.currentThread().isInterrupted()) {
            List<Long> overdue = reservations.overdue(BATCH);
            for (long id : overdue) {
                if (reservations.expire(ACTOR, id)) {
                    expired++;
                }
            }
            if (overdue.size() < BATCH) {
                return expired;
            }
        }
        return expired;
    }

    private void expireQuietly() {
        try {
            int expired = expireOverdue();
            if (expired > 0) {
                LOG.info("expired {} reservations", expired);
            }
        } catch (RuntimeException failure) {
            // The next run tries again; an expiry that failed changed nothing.
            LOG.warn("reservation expiry failed: {}", failure.toString());
        }
    }
}
