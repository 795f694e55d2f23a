package org.spares.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The one-pass forecasts and backtest against the definition: {@link ForecastMethod#next} refitted on every prefix,
 * and {@link NaiveBacktest}. Random series of the shapes that exercise the initialisations: empty prefixes, a
 * single demand, long gaps, demand that stops, large sizes.
 */
class ForecastOnePassTest {
    /** Relative; TSB's one-pass probability differs from the refit one by a few ulps per bucket. */
    private static final double TOLERANCE = 1e-12;

    @Test
    void everyOneStepForecastEqualsTheRefit() {
        Random random = new Random(20_261_126L);
        for (int trial = 0; trial < 2_000; trial++) {
            int[] series = randomSeries(random);
            int from = random.nextInt(series.length + 1);
            for (ForecastMethod method : ForecastMethod.values()) {
                double[] fast = OneStepForecasts.of(method, series, from);
                assertThat(fast).hasSize(series.length - from);
                for (int origin = from; origin < series.length; origin++) {
                    double refit = method.next(Arrays.copyOf(series, origin));
                    assertClose(fast[origin - from], refit, method + " at " + origin + " of "
                            + Arrays.toString(series));
                }
            }
        }
    }

    @Test
    void theBacktestEqualsTheNaiveRefit() {
        Random random = new Random(42);
        int compared = 0;
        for (int trial = 0; trial < 2_000; trial++) {
            int[] series = randomSeries(random);
            Map<ForecastMethod, Double> naive = NaiveBacktest.rmsse(series);
            Map<ForecastMethod, Double> fast = Backtest.rmsse(series);
            if (naive == null) {
                assertThat(fast).as(Arrays.toString(series)).isNull();
                continue;
            }
            compared++;
            for (ForecastMethod method : ForecastMethod.values()) {
                assertClose(fast.get(method), naive.get(method), method + " on " + Arrays.toString(series));
            }
        }
        // Most random series are long enough and not flat, so the comparison is not vacuous.
        assertThat(compared).isGreaterThan(1_500);
    }

    @Test
    void tsbStaysExactOverALongHistoryWithLateDemand() {
        // 3,650 daily buckets (the longest history), demand only in the last few: (1 - beta)^t reaches 1e-81 here.
        int[] series = new int[3_650];
        series[3_600] = 7;
        series[3_640] = 1;
        double[] fast = OneStepForecasts.of(ForecastMethod.TSB, series, 3_590);
        for (int origin = 3_590; origin < series.length; origin++) {
            assertClose(fast[origin - 3_590], ForecastMethod.TSB.next(Arrays.copyOf(series, origin)), "origin "
                    + origin);
        }
    }

    @Test
    void anOriginOutsideTheSeriesIsRefused() {
        assertThatThrownBy(() -> OneStepForecasts.of(ForecastMethod.MEAN, new int[3], 4))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertClose(double actual, double expected, String description) {
        assertThat(Math.abs(actual - expected)).as(description + ": " + actual + " vs " + expected)
                .isLessThanOrEqualTo(TOLERANCE * Math.abs(expected));
    }

    /**
     * 1 to 200 buckets of one of five shapes: demand after an empty prefix, a single demand, demand that stops, long
     * gaps (2 % a bucket, so also series without any demand), sizes up to a million.
     */
    private static int[] randomSeries(Random random) {
        int[] series = new int[1 + random.nextInt(200)];
        int shape = random.nextInt(5);
        int start = shape == 0 ? random.nextInt(series.length) : 0;
        double probability = shape == 3 ? 0.02 : 0.05 + 0.9 * random.nextDouble();
        for (int index = start; index < series.length; index++) {
            if (random.nextDouble() < probability) {
                series[index] = shape == 4 ? 1 + random.nextInt(1_000_000) : 1 + random.nextInt(10);
            }
        }
        if (shape == 1) {
            Arrays.fill(series, 0);
            series[random.nextInt(series.length)] = 1 + random.nextInt(50);
        }
        if (shape == 2) {
            Arrays.fill(series, random.nextInt(series.length), series.length, 0);
        }
        return series;
    }
}
