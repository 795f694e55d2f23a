package org.spares.forecast;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** From a demand history to a {@link Forecast}: a pure function, no state, no I/O. */
public final class Forecaster {
    private Forecaster() {
    }

    public static Forecast forecast(DemandHistory history) {
        int[] buckets = history.buckets();
        Classification classification = Classification.of(buckets);
        Map<ForecastMethod, Double> scores = Backtest.rmsse(buckets);
        ForecastMethod method = scores == null ? byDefault(classification.demandClass()) : best(scores);
        double perBucket = method.next(buckets);
        List<DemandEvent> events = history.usedEvents();
        double sum = 0;
        double sumOfSquares = 0;
        for (DemandEvent event : events) {
            sum += event.quantity();
            sumOfSquares += (double) event.quantity() * event.quantity();
        }
        double meanSize = events.isEmpty() ? 0 : sum / events.size();
        // E[size²] / E[size] is the variance-to-mean ratio of compound-Poisson demand; 1 is plain Poisson.
        double varianceToMeanRatio = events.isEmpty() ? 1 : sumOfSquares / sum;
        return new Forecast(classification.demandClass(), method, perBucket / history.bucketDays(), meanSize,
                varianceToMeanRatio, classification.adi(), classification.cv2(),
                scores == null ? null : scores.get(method), scores == null ? null : scores.get(ForecastMethod.MEAN),
                Arrays.stream(buckets).boxed().toList());
    }

    /**
     * Without a backtest: the mean where demand is regular (smoothing adds nothing there the mean lacks, and it is
     * unbiased), SBA where it is intermittent or lumpy (Syntetos, Boylan and Croston 2005 find it best in those two
     * classes), the mean (0) where there is none.
     */
    static ForecastMethod byDefault(DemandClass demandClass) {
        return switch (demandClass) {
            case INTERMITTENT, LUMPY -> ForecastMethod.SBA;
            case SMOOTH, ERRATIC, NO_DEMAND -> ForecastMethod.MEAN;
        };
    }

    /** The smallest RMSSE; a tie goes to the method listed first, the simpler one. */
    static ForecastMethod best(Map<ForecastMethod, Double> scores) {
        ForecastMethod best = ForecastMethod.MEAN;
        for (ForecastMethod method : ForecastMethod.values()) {
            if (scores.get(method) < scores.get(best)) {
                best = method;
            }
        }
        return best;
    }
}
