package org.spares.jobs;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spares.domain.Actor;
import org.spares.service.ReservationService;

/**
 * Expires HELD reservations past their hold time, one transaction each (their units become available and fill
 * waiting backorders at once). Expiry is a state change with its time, never a deletion. A reservation whose expiry
 * fails is logged with its id and skipped for the rest of the pass, so one bad row cannot stall expiry for everyone
 * behind it; the next pass tries it again.
 */
public class ReservationExpiryJob implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ReservationExpiryJob.class);
    private static final int BATCH = 200;
    private static final Actor ACTOR = Actor.system("reservation-expiry");

    private final ReservationService reservations;
    private final int batch;

    public ReservationExpiryJob(ReservationService reservations) {
        this(reservations, BATCH);
    }

    /** A small batch lets a test cross batch boundaries with a handful of rows. */
    ReservationExpiryJob(ReservationService reservations, int batch) {
        this.reservations = reservations;
        this.batch = batch;
    }

    /** One scheduled pass. */
    @Override
    public void run() {
        int expired = expireOverdue();
        if (expired > 0) {
            LOG.info("expired {} reservations", expired);
        }
    }

    /**
     * Expires every overdue reservation; returns how many. Skipped ids (failed, or no longer HELD) stay overdue, so
     * each batch asks for that many more rows and leaves them out: a batch still brings a full batch of new ones.
     */
    public int expireOverdue() {
        Set<Long> skipped = new HashSet<>();
        int expired = 0;
        while (!Thread.currentThread().isInterrupted()) {
            int limit = batch + skipped.size();
            List<Long> overdue = reservations.overdue(limit);
            List<Long> fresh = overdue.stream().filter(id -> !skipped.contains(id)).toList();
            for (long id : fresh) {
                if (expireOrSkip(id)) {
                    expired++;
                } else {
                    skipped.add(id);
                }
            }
            if (overdue.size() < limit || fresh.isEmpty()) {
                return expired;
            }
        }
        return expired;
    }

    private boolean expireOrSkip(long id) {
        try {
            return expire(id);
        } catch (RuntimeException failure) {
            LOG.warn("reservation {} could not be expired; skipped until the next pass", id, failure);
            return false;
        }
    }

    /** The one call per reservation: its own unit of work. */
    private boolean expire(long id) {
        return reservations.expire(ACTOR, id);
    }
}
