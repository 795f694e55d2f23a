package org.spares.optimize;

import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.RegularizedBeta;

/**
 * Negative binomial pipeline with mean mu and variance v * mu (v > 1): success probability p = 1/v and a real
 * number of successes n = mu / (v - 1); X counts the failures.
 */
public record NegativeBinomialPipeline(double mean, double varianceToMean) implements PipelineDistribution {

    public NegativeBinomialPipeline {
        if (!(mean > 0.0) || Double.isInfinite(mean)) {
            throw new IllegalArgumentException("mean must be finite and > 0: " + mean);
        }
        if (!(varianceToMean > 1.0) || Double.isInfinite(varianceToMean)) {
            throw new IllegalArgumentException("variance-to-mean must be finite and > 1: " + varianceToMean);
        }
    }

    private double successes() {
        return mean / (varianceToMean - 1.0);
    }

    private double successProbability() {
        return 1.0 / varianceToMean;
    }

    private double failureProbability() {
        return (varianceToMean - 1.0) / varianceToMean;
    }

    /**
     * log P(X = k) = log Gamma(k + n) - log Gamma(n) - log k! + n log p + k log(1 - p), written so that it stays exact
     * as v approaches 1 (n grows without bound and the distribution tends to Poisson): the textbook form subtracts
     * two log-gammas of about n log n, and at v = 1 + 1e-15 (a weekly variance a rounding above the mean) it loses
     * every digit. Here log Gamma(k + n) - log Gamma(n) = log Gamma(k) - log B(n, k) (commons-numbers' LogBeta keeps
     * full precision for a large n) and n log p = -mu log1p(v - 1) / (v - 1).
     */
    @Override
    public double logProbability(int k) {
        if (k < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double excess = varianceToMean - 1.0;
        double zeroTerm = -mean * Math.log1p(excess) / excess;
        if (k == 0) {
            return zeroTerm;
        }
        return LogGamma.value(k) - LogBeta.value(successes(), k) - LogGamma.value(k + 1.0) + zeroTerm
                + k * (Math.log(excess) - Math.log(varianceToMean));
    }

    @Override
    public double survival(int k) {
        if (k < 0) {
            return 1.0;
        }
        // P(X > k) = I_{1-p}(k + 1, n)
        return RegularizedBeta.value(failureProbability(), k + 1.0, successes());
    }

    @Override
    public double cumulative(int k) {
        if (k < 0) {
            return 0.0;
        }
        // P(X <= k) = I_p(n, k + 1)
        return RegularizedBeta.value(successProbability(), successes(), k + 1.0);
    }
}
