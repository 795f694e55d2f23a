package org.spares.forecast;

import java.util.EnumMap;
import java.util.Map;

/**
 * Rolling-origin evaluation of every method on the series itself. For each origin t from {@link #MINIMUM_TRAINING}
 * to n - 1 a method is fitted on buckets [0, t) and forecasts bucket t. The squared errors are scaled as in the M5
 * competition (Makridakis, Spiliotis and Assimakopoulos, 2022): RMSSE = sqrt(mean squared error / mean squared
 * one-step naive error (y_j - y_(j-1))²). The naive errors are those of the training part of the last origin,
 * buckets [0, n - 1): the one scale is shared by every method, so it never changes which wins, and it uses as much
 * history as any fit does.
 *
 * <p>Each method's forecasts at all origins come from one pass over the series ({@link OneStepForecasts}), so the
 * backtest is linear in the series' length; {@link ForecastMethod#next} stays the definition they must equal.
 */
public final class Backtest {
    /** Eight buckets (two months of weeks) before the first origin, so no method is judged on a couple of points. */
    public static final int MINIMUM_TRAINING = 8;

    private Backtest() {
    }

    /** Each method's RMSSE, or null when the series is too short or its naive errors are all 0. */
    public static Map<ForecastMethod, Double> rmsse(int[] series) {
        int n = series.length;
        if (n < MINIMUM_TRAINING + 1) {
            return null;
        }
        double scale = 0;
        for (int index = 1; index < n - 1; index++) {
            double step = series[index] - series[index - 1];
            scale += step * step;
        }
        scale /= n - 2;
        if (scale == 0) {
            return null;
        }
        Map<ForecastMethod, Double> result = new EnumMap<>(ForecastMethod.class);
        for (ForecastMethod method : ForecastMethod.values()) {
            double[] forecasts = OneStepForecasts.of(method, series, MINIMUM_TRAINING);
            double squared = 0;
            for (int origin = MINIMUM_TRAINING; origin < n; origin++) {
                double error = series[origin] - forecasts[origin - MINIMUM_TRAINING];
                squared += error * error;
            }
            result.put(method, Math.sqrt(squared / (n - MINIMUM_TRAINING) / scale));
        }
        return result;
    }
}
