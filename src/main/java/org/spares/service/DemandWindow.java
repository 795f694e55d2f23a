package org.spares.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.spares.db.DemandHistoryDao.Request;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;
import org.spares.forecast.DemandEvent;
import org.spares.forecast.DemandHistory;

/**
 * The {@code days} days before {@code to}, the window a forecast reads demand from, and the requests in it as a
 * demand history: day 0 is the oldest day of the window, so the newest bucket ends at {@code to}.
 */
public record DemandWindow(Instant to, int days, int bucketDays) {
    private static final long NANOS_PER_DAY = Duration.ofDays(1).toNanos();

    public DemandWindow {
        check(days, bucketDays);
    }

    /**
     * 400 VALIDATION_FAILED naming {@code historyDays} outside [bucketDays, 3,650]: a window shorter than a bucket has
     * nothing to forecast from.
     */
    static void check(int historyDays, int bucketDays) {
        if (historyDays < bucketDays || historyDays > DemandHistory.MAX_DAYS) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "historyDays must be between " + bucketDays
                    + " (the forecast bucket) and " + DemandHistory.MAX_DAYS, Map.of("field", "historyDays"));
        }
    }

    public Instant from() {
        return to.minus(Duration.ofDays(days));
    }

    /** Days from the window's start to the instant, with the fraction (the simulation replays them in time). */
    public double dayOf(Instant at) {
        return (double) Duration.between(from(), at).toNanos() / NANOS_PER_DAY;
    }

    DemandHistory history(List<Request> requests) {
        return new DemandHistory(days, requests.stream().map(request -> new DemandEvent(
                (int) Math.min(days - 1, Math.floor(dayOf(request.at()))), request.quantity())).toList(), bucketDays);
    }
}
