package org.spares.forecast;

import java.util.List;
import java.util.Objects;

/**
 * A forecast of one item's demand. {@code ratePerDay} is the chosen method's forecast of the next bucket divided by
 * the bucket's days; {@code meanSize} and {@code varianceToMeanRatio} (E[size²] / E[size]) describe the sizes of the
 * demand events, what a compound-Poisson model of the lead-time demand needs. {@code adi} and {@code cv2} are null
 * without demand; {@code rmsse} and {@code baselineRmsse} are null when the method was the class's default because
 * the history was too short (or too flat) to backtest. {@code buckets} are the totals used, oldest first.
 */
public record Forecast(DemandClass demandClass, ForecastMethod method, double ratePerDay, double meanSize,
        double varianceToMeanRatio, Double adi, Double cv2, Double rmsse, Double baselineRmsse,
        List<Integer> buckets) {
    public Forecast {
        Objects.requireNonNull(demandClass, "demandClass");
        Objects.requireNonNull(method, "method");
        buckets = List.copyOf(buckets);
    }
}
