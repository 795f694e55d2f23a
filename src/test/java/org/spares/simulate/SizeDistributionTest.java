package org.spares.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SizeDistributionTest {
    private static final int DRAWS = 2_000_000;

    /**
     * Logarithmic sizes with q = 1 - 1/v: E[K] = -q / ((1 - q) ln(1 - q)) and E[K^2] / E[K] = 1 / (1 - q) = v, which
     * is what makes the compound-Poisson pipeline negative binomial with ratio v. Sample moments over two million
     * draws against those formulas, within five standard errors (the standard errors computed from the same
     * formulas: Var K = E[K^2] - E[K]^2, and E[K^4] bounded by the sample for the second moment).
     */
    @ParameterizedTest
    @ValueSource(doubles = {1.2, 2.0, 3.0, 6.0})
    void logarithmicSizesHaveTheFormulaMoments(double ratio) {
        double q = 1.0 - 1.0 / ratio;
        double mean = -q / ((1.0 - q) * Math.log(1.0 - q));
        double secondMoment = mean * ratio;
        SizeDistribution sizes = SizeDistribution.logarithmic(ratio);
        assertThat(sizes.mean()).isCloseTo(mean, within(1e-12));

        SplittableRandom random = new SplittableRandom(42);
        double sum = 0.0;
        double squares = 0.0;
        double fourth = 0.0;
        for (int draw = 0; draw < DRAWS; draw++) {
            int size = sizes.sample(random);
            assertThat(size).isGreaterThanOrEqualTo(1);
            sum += size;
            squares += (double) size * size;
            fourth += (double) size * size * size * size;
        }
        double sampleMean = sum / DRAWS;
        double sampleSecond = squares / DRAWS;
        double meanError = Math.sqrt((secondMoment - mean * mean) / DRAWS);
        double secondError = Math.sqrt((fourth / DRAWS - sampleSecond * sampleSecond) / DRAWS);
        assertThat(sampleMean).isCloseTo(mean, within(5 * meanError));
        assertThat(sampleSecond).isCloseTo(secondMoment, within(5 * secondError));
        assertThat(sampleSecond / sampleMean).isCloseTo(ratio, within(0.02 * ratio));
    }

    @Test
    void ratioOneIsUnitSizes() {
        assertThat(SizeDistribution.logarithmic(1.0)).isSameAs(SizeDistribution.unit());
        assertThat(SizeDistribution.unit().sample(new SplittableRandom(1))).isEqualTo(1);
        assertThat(SizeDistribution.unit().mean()).isEqualTo(1.0);
        assertThatThrownBy(() -> SizeDistribution.logarithmic(0.9)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void empiricalSizesResampleTheObservedOnes() {
        SizeDistribution sizes = SizeDistribution.empirical(new int[] {1, 1, 4});
        assertThat(sizes.mean()).isEqualTo(2.0);
        SplittableRandom random = new SplittableRandom(7);
        int fours = 0;
        for (int draw = 0; draw < 30_000; draw++) {
            int size = sizes.sample(random);
            assertThat(size).isIn(1, 4);
            fours += size == 4 ? 1 : 0;
        }
        // one third, binomial standard error 0.0027
        assertThat(fours / 30_000.0).isCloseTo(1.0 / 3.0, within(0.015));
        assertThatThrownBy(() -> SizeDistribution.empirical(new int[] {0})).isInstanceOf(IllegalArgumentException.class);
    }
}
