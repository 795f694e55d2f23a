package org.spares.optimize;

import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.RegularizedBeta;

/**
 * Negative binomial pipeline with mean mu and variance v * mu (v > 1): success probability p = 1/v and a real
 * number of successes n = mu / (v - 1); X counts the failures.
 */
public record NegativeBinomialPipeline(double mean, double varianceToMean) implements PipelineDistribution {
    /** Largest k (v - 1) / mu for which the near-Poisson form is used: its series is exact there. */
    private static final double NEAR_POISSON = 1e-5;

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
     * full precision for a large n) and n log p = -mu log1p(v - 1) / (v - 1). Closer still to Poisson (k (v - 1) / mu
     * tiny) even that form leaves k log n against k log(v - 1), a few parts in 1e12 at k = 1500; there the Poisson
     * term plus a small correction, each exact, is used instead ({@link #nearPoissonCorrection}).
     */
    @Override
    public double logProbability(int k) {
        if (k < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double excess = varianceToMean - 1.0;
        if (k * (excess / mean) <= NEAR_POISSON) {
            return new PoissonPipeline(mean).logProbability(k) + nearPoissonCorrection(k, excess);
        }
        double zeroTerm = -mean * Math.log1p(excess) / excess;
        if (k == 0) {
            return zeroTerm;
        }
        return LogGamma.value(k) - LogBeta.value(successes(), k) - LogGamma.value(k + 1.0) + zeroTerm
                + k * (Math.log(excess) - Math.log(varianceToMean));
    }

    /**
     * log NB(k) - log Poisson(k) = sum_{j<k} log(1 + j x) - k log1p(e) + mu (1 - log1p(e) / e), with e = v - 1 and
     * x = e / mu (the k log n terms cancel exactly on paper, so they are never formed). The sum is its power series
     * in x, four terms of which are exact to double precision while k x <= NEAR_POISSON.
     */
    private double nearPoissonCorrection(int k, double excess) {
        double x = excess / mean;
        double last = k - 1.0;
        double sum1 = last * k / 2.0;
        double sum2 = last * k * (2.0 * last + 1.0) / 6.0;
        double sum3 = sum1 * sum1;
        double sum4 = last * k * (2.0 * last + 1.0) * (3.0 * last * last + 3.0 * last - 1.0) / 30.0;
        double series = x * (sum1 - x * (sum2 / 2.0 - x * (sum3 / 3.0 - x * sum4 / 4.0)));
        return series - k * Math.log1p(excess) + mean * oneMinusLog1pOver(excess);
    }

    /** 1 - log1p(e) / e, by its series for a small e (the difference itself would cancel). */
    private static double oneMinusLog1pOver(double excess) {
        if (excess >= 1e-2) {
            return 1.0 - Math.log1p(excess) / excess;
        }
        double sum = 0.0;
        double power = 1.0;
        for (int term = 2; term <= 10; term++) {
            power *= -excess;
            sum -= power / term;
        }
        return sum;
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
