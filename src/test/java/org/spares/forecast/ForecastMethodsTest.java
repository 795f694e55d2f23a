package org.spares.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Each method and the classifier on series small enough to work out by hand; the arithmetic is in the comments. */
class ForecastMethodsTest {
    private static final Offset<Double> CLOSE = within(1e-12);
    /** Two demands, 2 then 4 units, three buckets apart. */
    private static final int[] SERIES = {0, 2, 0, 0, 4, 0};

    @Test
    void meanIsTheAverageOfEveryBucketZerosIncluded() {
        // (0 + 2 + 0 + 0 + 4 + 0) / 6 = 1
        assertThat(ForecastMethod.MEAN.next(SERIES)).isCloseTo(1.0, CLOSE);
        assertThat(ForecastMethod.MEAN.next(new int[0])).isZero();
    }

    @Test
    void crostonSmoothsSizeAndIntervalOnlyWhenThereIsDemand() {
        // First demand at index 1: z = 2, p = 1 + 1 = 2.
        // Index 4 (interval 4 - 1 = 3): z = 2 + 0.1 * (4 - 2) = 2.2; p = 2 + 0.1 * (3 - 2) = 2.1.
        // The zero buckets change neither: forecast 2.2 / 2.1.
        assertThat(ForecastMethod.CROSTON.next(SERIES)).isCloseTo(2.2 / 2.1, CLOSE);
        assertThat(ForecastMethod.CROSTON.next(new int[] {0, 0, 0})).isZero();
    }

    @Test
    void sbaIsCrostonTimesOneMinusHalfAlpha() {
        // (1 - 0.1 / 2) * 2.2 / 2.1 = 0.95 * 1.047619... = 0.995238...
        assertThat(ForecastMethod.SBA.next(SERIES)).isCloseTo(0.95 * 2.2 / 2.1, CLOSE);
    }

    @Test
    void tsbSmoothsTheProbabilityEveryBucket() {
        // d starts at the share of buckets with demand, 2 / 6 = 1/3; z at the first size, 2.
        // b0 = 0: d = 1/3 * 0.95                    = 0.316666...
        // b1 = 2: d = 0.316666 + 0.05 * (1 - 0.316666) = 0.350833...; z = 2 + 0.1 * (2 - 2) = 2
        // b2 = 0: d = 0.350833 * 0.95               = 0.333291...
        // b3 = 0: d = 0.333291 * 0.95               = 0.316627...
        // b4 = 4: d = 0.316627 + 0.05 * (1 - 0.316627) = 0.350795...; z = 2 + 0.1 * (4 - 2) = 2.2
        // b5 = 0: d = 0.350795 * 0.95               = 0.333255...
        // forecast d * z = 0.333255... * 2.2 = 0.733163...
        double d = 1.0 / 3;
        d *= 0.95;
        d += 0.05 * (1 - d);
        d *= 0.95;
        d *= 0.95;
        d += 0.05 * (1 - d);
        d *= 0.95;
        assertThat(ForecastMethod.TSB.next(SERIES)).isCloseTo(d * 2.2, CLOSE).isCloseTo(0.7331631, within(1e-7));
    }

    @Test
    void tsbDecaysWhenDemandStopsWhileCrostonStandsStill() {
        // Four buckets of 3, then twenty empty ones: Croston keeps z = 3, p = 1, so 3; TSB's d falls by 5% a bucket.
        int[] stopped = new int[24];
        List.of(0, 1, 2, 3).forEach(index -> stopped[index] = 3);
        assertThat(ForecastMethod.CROSTON.next(stopped)).isCloseTo(3.0, CLOSE);
        // d0 = 4 / 24; after four demands and twenty zeros it is below (1/6 + 4 * 0.05) * 0.95^20 < 0.14.
        assertThat(ForecastMethod.TSB.next(stopped)).isLessThan(3 * 0.14);
    }

    @Test
    void classifiesByAdiAndCv2() {
        // [0,2,0,0,4,0]: ADI = 6 / 2 = 3; sizes 2, 4: mean 3, variance 1, CV² = 1/9.
        assertThat(Classification.of(SERIES)).isEqualTo(new Classification(DemandClass.INTERMITTENT, 3.0, 1.0 / 9));
        // [1,5,1,5]: ADI 1; mean 3, variance (4 + 4 + 4 + 4) / 4 = 4, CV² = 4/9 = 0.444 < 0.49.
        assertThat(Classification.of(new int[] {1, 5, 1, 5}).demandClass()).isEqualTo(DemandClass.SMOOTH);
        // [1,9,1,9]: ADI 1; mean 5, variance 16, CV² = 16/25 = 0.64.
        assertThat(Classification.of(new int[] {1, 9, 1, 9}).demandClass()).isEqualTo(DemandClass.ERRATIC);
        // [0,1,0,9]: ADI 2; CV² 0.64.
        assertThat(Classification.of(new int[] {0, 1, 0, 9}).demandClass()).isEqualTo(DemandClass.LUMPY);
        assertThat(Classification.of(new int[] {0, 0, 0}))
                .isEqualTo(new Classification(DemandClass.NO_DEMAND, null, null));
    }

    @Test
    void theCutOffsThemselvesBelongToTheUpperClasses() {
        // [17,3]: mean 10, variance 149 - 100 = 49, CV² = 49/100 = 0.49 exactly: ERRATIC.
        assertThat(Classification.of(new int[] {17, 3}).demandClass()).isEqualTo(DemandClass.ERRATIC);
        // 33 buckets, 25 of them 1: ADI = 33 / 25 = 1.32 exactly, CV² 0: INTERMITTENT.
        int[] series = new int[33];
        for (int index = 0; index < 25; index++) {
            series[index] = 1;
        }
        assertThat(Classification.of(series).demandClass()).isEqualTo(DemandClass.INTERMITTENT);
    }

    @Test
    void bucketsAreCountedBackFromTheEndAndAPartialOldestBucketIsDropped() {
        // 17 days in buckets of 7: two whole buckets, days 3-9 and 10-16; days 0-2 are dropped.
        DemandHistory history = new DemandHistory(17, List.of(new DemandEvent(2, 50), new DemandEvent(3, 1),
                new DemandEvent(9, 3), new DemandEvent(16, 4)), 7);
        assertThat(history.buckets()).containsExactly(4, 4);
        // Sizes of the events used, 1, 3 and 4: mean 8/3; E[s²] / E[s] = (1 + 9 + 16) / 8 = 3.25.
        Forecast forecast = Forecaster.forecast(history);
        assertThat(forecast.meanSize()).isCloseTo(8.0 / 3, CLOSE);
        assertThat(forecast.varianceToMeanRatio()).isCloseTo(3.25, CLOSE);
        assertThat(forecast.buckets()).containsExactly(4, 4);
    }

    @Test
    void unitEventsHaveAVarianceToMeanRatioOfOne() {
        Forecast forecast = Forecaster.forecast(new DemandHistory(14, List.of(new DemandEvent(0, 1),
                new DemandEvent(0, 1), new DemandEvent(13, 1)), 7));
        assertThat(forecast.meanSize()).isCloseTo(1.0, CLOSE);
        assertThat(forecast.varianceToMeanRatio()).isCloseTo(1.0, CLOSE);
    }
}
