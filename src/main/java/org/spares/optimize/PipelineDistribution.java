package org.spares.optimize;






/**
 * The distribution of the pipeline X (units on order) of one position, with the single-item (S-1, S) formulas.
 *
 * <p>The optimizer works in doubles: its inputs are rates and probabilities, money is rounded at the edge.
 * Every quantity is computed directly in the region where it is small (survival in the right tail, the
 * cumulative in the left tail) so that relative precision holds in both tails; probabilities are built from
 * log-space terms because k! overflows past 170 and exp(-mu) underflows past ~745.
 */
public sealed interface PipelineDistribution permits PoissonPipeline, NegativeBinomialPipeline {

    /** Poisson for {@code varianceToMean == 1}, negative binomial with the same mean otherwise. */
    static PipelineDistribution of(double mean, double varianceToMean) {
        if (varianceToMean < 1.0) {
            throw new IllegalArgumentException("variance-to-mean ratio must be >= 1: " + varianceToMean);
        }
        if (varianceToMean == 1.0 || mean == 0.0) {
            return new PoissonPipeline(mean);
        }
        return new NegativeBinomialPipeline(mean, varianceToMean);
    }

    double mean();

    /** log P(X = k); negative infinity where the probability is zero. */
    double logProbability(int k);

    /** P(X > k), computed directly (never as 1 - cdf). */
    double survival(int k);

    /** P(X <= k), computed directly. */
    double cumulative(int k);

    default double probability(int k) {
        return Math.exp(logProbability(k));
    }

    /** EBO(S) = E[(X - S)+]. */
    default double expectedBackorders(int stockLevel) {
        if (stockLevel <= 0) {
            return mean();
        }
        if (stockLevel <= mean()) {
            // Left of the mean EBO is large: mu - S + EOH has no cancellation because mu - S >= 0.
            return mean() - stockLevel + TailSums.sumOfCumulatives(this, stockLevel);
        }
        return TailSums.rightTailExcess(this, stockLevel);
    }

    /** FR(S) = P(X <= S - 1): 0 at S = 0, 1 for a position without demand. */
    default double fillRate(int stockLevel) {
        if (mean() == 0.0) {
            return 1.0;
        }
        if (stockLevel <= 0) {
            return 0.0;
        }
        return cumulative(stockLevel - 1);
    }

    /** EOH(S) = S - mu + EBO(S) = E[(S - X)+]. */
    default double expectedOnHand(int stockLevel) {
        if (stockLevel <= 0) {
            return 0.0;
        }
        if (stockLevel <= mean()) {
            // Here S - mu + EBO would cancel; the direct sum of P(X <= k) does not.
            return TailSums.sumOfCumulatives(this, stockLevel);
        }
        return stockLevel - mean() + TailSums.rightTailExcess(this, stockLevel);
    }

    /**
     * P(X > k) for k = 0 .. count-1 in one pass: the last value directly, the others by adding point
     * probabilities downwards (a sum of positive terms, so no precision is lost in either tail).
     */
    default double[] survivalSequence(int count) {
        double[] survival = new double[count];
        if (count == 0) {
            return survival;
        }
        survival[count - 1] = survival(count - 1);
        for (int k = count - 1; k > 0; k--) {
            survival[k - 1] = survival[k] + probability(k);
        }
        return survival;
    }

    /** P(X <= k) for k = 0 .. count-1 by adding point probabilities upwards (positive terms only). */
    default double[] cumulativeSequence(int count) {
        double[] cumulative = new double[count];
        double sum = 0.0;
        for (int k = 0; k < count; k++) {
            sum += probability(k);
            cumulative[k] = sum;
        }
        return cumulative;
    }
}
