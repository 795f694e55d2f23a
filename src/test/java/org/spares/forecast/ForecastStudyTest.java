package org.spares.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The out-of-sample study of {@link MethodChoiceStudy}, 1,000 series per process, held to what it found (the table
 * is in docs/FORECASTING.md). The processes were fixed before the numbers were seen and not changed after.
 */
class ForecastStudyTest {
    private static Map<SyntheticDemand, MethodChoiceStudy.Row> rows;

    @BeforeAll
    static void runTheStudy() {
        List<MethodChoiceStudy.Row> study = MethodChoiceStudy.run(1_000, MethodChoiceStudy.SEED);
        rows = study.stream().collect(Collectors.toMap(MethodChoiceStudy.Row::process, row -> row));
    }

    @Test
    void everySeriesIsScored() {
        // The rates are high enough that 78 buckets always have demand, so no series is left out unscaled.
        rows.values().forEach(row -> assertThat(row.unscaled()).as(row.process().name()).isZero());
    }

    @Test
    void whenDemandDiesOutTheChoiceBeatsTheMean() {
        // Measured 0.364 against 0.394. The mean keeps forecasting the old rate for the rest of the history.
        MethodChoiceStudy.Row obsolescent = rows.get(SyntheticDemand.OBSOLESCENT);
        assertThat(obsolescent.chosen()).isLessThan(0.95 * obsolescent.fixed().get(ForecastMethod.MEAN));
    }

    @Test
    void onStationaryDemandNoChoiceBeatsTheMean() {
        // Not what issue 11 hoped for, and not tuned away. Demand here is independent from bucket to bucket with a
        // fixed mean, so the best one-step forecast under squared error is that mean, and the average of 78+
        // buckets estimates it with the least variance; smoothing with alpha 0.1 remembers about 19 buckets, and
        // Croston's z / p is biased besides. Choosing on a noisy backtest picks a smoother in 19-53 % of the
        // series and so loses a little (measured 0.3-0.7 %), whatever the class says (intermittent, lumpy or
        // smooth). The asserts hold that finding.
        for (SyntheticDemand process : List.of(SyntheticDemand.BERNOULLI, SyntheticDemand.COMPOUND_POISSON,
                SyntheticDemand.SMOOTH)) {
            MethodChoiceStudy.Row row = rows.get(process);
            double mean = row.fixed().get(ForecastMethod.MEAN);
            for (ForecastMethod method : ForecastMethod.values()) {
                assertThat(row.fixed().get(method)).as(process + " " + method).isGreaterThanOrEqualTo(mean);
            }
            assertThat(row.chosen()).as(process.name()).isBetween(mean, 1.02 * mean);
        }
    }

    @Test
    void onDyingDemandTsbAloneDoesBetterThanTheChoice() {
        // Measured: TSB alone 0.279 on obsolescent demand, the choice 0.364; the backtest over the first 78 buckets
        // saw a steady rate for most of those series (demand changes after bucket 62-83), so it rarely picks TSB.
        MethodChoiceStudy.Row obsolescent = rows.get(SyntheticDemand.OBSOLESCENT);
        assertThat(obsolescent.fixed().get(ForecastMethod.TSB)).isLessThan(obsolescent.chosen());
    }
}
