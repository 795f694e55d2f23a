package org.spares.forecast;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * The backtest as its definition reads: every method refitted from scratch on buckets [0, t) at every origin t, so
 * quadratic in the series' length. The oracle the one-pass {@link Backtest} is checked against, and the baseline
 * the forecasting benchmark times it against.
 */
public final class NaiveBacktest {
    private NaiveBacktest() {
    }

    /** Same contract as {@link Backtest#rmsse}. */
    public static Map<ForecastMethod, Double> rmsse(int[] series) {
        int n = series.length;
        if (n < Backtest.MINIMUM_TRAINING + 1) {
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
            double squared = 0;
            for (int origin = Backtest.MINIMUM_TRAINING; origin < n; origin++) {
                double error = series[origin] - method.next(Arrays.copyOf(series, origin));
                squared += error * error;
            }
            result.put(method, Math.sqrt(squared / (n - Backtest.MINIMUM_TRAINING) / scale));
        }
        return result;
    }
}
