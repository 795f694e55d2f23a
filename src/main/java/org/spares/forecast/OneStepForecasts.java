package org.spares.forecast;

/**
 * Every one-step-ahead forecast of a method along a series, in one pass: element i is what
 * {@code method.next(buckets [0, from + i))} answers. Each method is a recursive filter, so its state after bucket t
 * is its state after bucket t - 1 plus one update; refitting from scratch at every origin, as the definition in
 * {@link ForecastMethod} reads, costs a pass per origin instead.
 *
 * <p>MEAN, CROSTON and SBA repeat the definition's arithmetic in the same order and so agree with it exactly. TSB does
 * not: its starting probability is the share of buckets with demand in the training part, which changes with the
 * origin. Its update is linear in the probability d, so after t buckets d = (1 - beta)^t d0 + c_t, where c_t is the
 * probability the same buckets give from d0 = 0; both factors are carried along the pass, and the result differs
 * from the definition's only by rounding (a few ulps per bucket).
 */
final class OneStepForecasts {
    private OneStepForecasts() {
    }

    /** The forecasts of buckets from, from + 1, ..., n - 1, each fitted on the buckets before it. */
    static double[] of(ForecastMethod method, int[] series, int from) {
        if (from < 0 || from > series.length) {
            throw new IllegalArgumentException("from must be between 0 and the series' length");
        }
        return switch (method) {
            case MEAN -> mean(series, from);
            case CROSTON -> croston(series, from, 1);
            case SBA -> croston(series, from, 1 - ForecastMethod.ALPHA / 2);
            case TSB -> tsb(series, from);
        };
    }

    private static double[] mean(int[] series, int from) {
        double[] forecasts = new double[series.length - from];
        double total = 0;
        for (int index = 0; index < series.length; index++) {
            if (index >= from) {
                forecasts[index - from] = index == 0 ? 0 : total / index;
            }
            total += series[index];
        }
        return forecasts;
    }

    /** Croston's z / p times {@code factor}: 1 for Croston's own, 1 - alpha / 2 for SBA. */
    private static double[] croston(int[] series, int from, double factor) {
        double[] forecasts = new double[series.length - from];
        double size = 0;
        double interval = 0;
        int last = -1;
        for (int index = 0; index < series.length; index++) {
            if (index >= from) {
                forecasts[index - from] = last < 0 ? 0 : factor * (size / interval);
            }
            int value = series[index];
            if (value == 0) {
                continue;
            }
            if (last < 0) {
                size = value;
                interval = index + 1;
            } else {
                size += ForecastMethod.ALPHA * (value - size);
                interval += ForecastMethod.ALPHA * ((index - last) - interval);
            }
            last = index;
        }
        return forecasts;
    }

    private static double[] tsb(int[] series, int from) {
        double[] forecasts = new double[series.length - from];
        double size = 0;
        int nonZero = 0;
        double decay = 1;
        double fromZero = 0;
        for (int index = 0; index < series.length; index++) {
            if (index >= from) {
                double probability = nonZero == 0 ? 0 : decay * ((double) nonZero / index) + fromZero;
                forecasts[index - from] = probability * size;
            }
            int value = series[index];
            decay -= ForecastMethod.BETA * decay;
            if (value > 0) {
                size = nonZero == 0 ? value : size + ForecastMethod.ALPHA * (value - size);
                nonZero++;
                fromZero += ForecastMethod.BETA * (1 - fromZero);
            } else {
                fromZero -= ForecastMethod.BETA * fromZero;
            }
        }
        return forecasts;
    }
}
