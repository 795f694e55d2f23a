package org.spares.forecast;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;

/**
 * The demand of one item over {@code days} days, cut into buckets of {@code bucketDays}. Checked on construction:
 * every violation is 400 VALIDATION_FAILED naming the field as the request spells it.
 */
public record DemandHistory(int days, List<DemandEvent> events, int bucketDays) {
    public static final int MAX_DAYS = 3650;
    public static final int MAX_BUCKET_DAYS = 365;
    public static final int DEFAULT_BUCKET_DAYS = 7;
    /** Bounds the work of one request, which is linear in the events (and, backtest included, in the buckets). */
    public static final int MAX_EVENTS = 100_000;

    public DemandHistory {
        events = List.copyOf(Objects.requireNonNull(events, "events"));
        check(days >= 1 && days <= MAX_DAYS, "days", "days must be between 1 and " + MAX_DAYS);
        check(bucketDays >= 1 && bucketDays <= MAX_BUCKET_DAYS, "bucketDays",
                "bucketDays must be between 1 and " + MAX_BUCKET_DAYS);
        // Fewer days than one bucket would leave no whole bucket to forecast from.
        check(bucketDays <= days, "bucketDays", "bucketDays must not exceed days");
        check(events.size() <= MAX_EVENTS, "events", "at most " + MAX_EVENTS + " events");
        for (int index = 0; index < events.size(); index++) {
            DemandEvent event = events.get(index);
            check(event.day() >= 0 && event.day() < days, "events[" + index + "].day",
                    "day must be between 0 and days - 1");
            check(event.quantity() >= 1, "events[" + index + "].quantity", "quantity must be at least 1");
        }
    }

    /**
     * Bucket totals, oldest first. Buckets are counted back from the end of the history, so the newest bucket is
     * always whole; the {@code days mod bucketDays} oldest days form a partial bucket that is dropped, with its
     * events, because a short bucket would read as a dip in demand.
     */
    public int[] buckets() {
        int count = days / bucketDays;
        int dropped = days % bucketDays;
        long[] totals = new long[count];
        for (DemandEvent event : events) {
            if (event.day() >= dropped) {
                totals[(event.day() - dropped) / bucketDays] += event.quantity();
            }
        }
        int[] buckets = new int[count];
        for (int index = 0; index < count; index++) {
            check(totals[index] <= Integer.MAX_VALUE, "events",
                    "the demand of one bucket must not exceed " + Integer.MAX_VALUE + " units");
            buckets[index] = (int) totals[index];
        }
        return buckets;
    }

    /** The events that fall in whole buckets, the ones the forecast uses. */
    public List<DemandEvent> usedEvents() {
        int dropped = days % bucketDays;
        return events.stream().filter(event -> event.day() >= dropped).toList();
    }

    private static void check(boolean valid, String field, String message) {
        if (!valid) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, message, Map.of("field", field));
        }
    }
}
