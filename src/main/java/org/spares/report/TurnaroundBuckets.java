package org.spares.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The distribution of repair turnaround: how many completed orders took [fromHours, toHours), in fixed buckets so
 * that two periods or two depots compare bucket for bucket. The edges follow how service levels are usually stated
 * (same shift, same day, next day, within the week, within two weeks); the last bucket is open-ended.
 */
public final class TurnaroundBuckets {
    public static final List<String> COLUMNS = List.of("key", "fromHours", "toHours", "count", "share",
            "cumulativeShare");
    static final long[] EDGES_HOURS = {0, 4, 8, 24, 48, 72, 120, 168, 336};
    private static final long MICROS_PER_HOUR = 3_600_000_000L;

    private final long[] counts = new long[EDGES_HOURS.length];
    private long total;

    /** One completed order's turnaround, opened to completed. */
    public void add(long turnaroundMicros) {
        int bucket = EDGES_HOURS.length - 1;
        while (bucket > 0 && turnaroundMicros < EDGES_HOURS[bucket] * MICROS_PER_HOUR) {
            bucket--;
        }
        counts[bucket]++;
        total++;
    }

    /** One row per bucket, all of them (empty ones too, so every distribution has the same rows). */
    public List<List<Object>> rows() {
        List<List<Object>> rows = new ArrayList<>();
        long running = 0;
        for (int i = 0; i < counts.length; i++) {
            running += counts[i];
            boolean last = i == counts.length - 1;
            String key = last ? EDGES_HOURS[i] + "h+" : EDGES_HOURS[i] + "-" + EDGES_HOURS[i + 1] + "h";
            rows.add(Arrays.asList(key, EDGES_HOURS[i], last ? null : EDGES_HOURS[i + 1], counts[i], share(counts[i]),
                    share(running)));
        }
        return rows;
    }

    /** The total row: every order, all of them. */
    public List<Object> totalRow() {
        return Arrays.asList("total", EDGES_HOURS[0], null, total, share(total), share(total));
    }

    private BigDecimal share(long count) {
        return total == 0 ? null : CarryingCost.divide(BigDecimal.valueOf(count), BigDecimal.valueOf(total));
    }
}
