package org.spares.simulate;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * A simulated value: the mean over replications and its confidence interval mean +- t(n - 1) * sd / sqrt(n). The
 * replications are independent and identically distributed, and their means nearly normal, so Student's t is the
 * honest interval; with one replication there is no spread to estimate and low = high = mean.
 */
public record Estimate(double mean, double low, double high) {

    /** The estimate from one value per replication at the given two-sided confidence. */
    public static Estimate of(double[] values, double confidence) {
        int count = values.length;
        if (count == 0) {
            throw new IllegalArgumentException("no replications");
        }
        double sum = 0.0;
        for (double value : values) {
            sum += value;
        }
        double mean = sum / count;
        if (count == 1) {
            return new Estimate(mean, mean, mean);
        }
        double squares = 0.0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        double standardError = Math.sqrt(squares / (count - 1) / count);
        double quantile = TDistribution.of(count - 1).inverseCumulativeProbability(0.5 + confidence / 2.0);
        double halfWidth = quantile * standardError;
        return new Estimate(mean, mean - halfWidth, mean + halfWidth);
    }

    public boolean contains(double value) {
        return value >= low && value <= high;
    }
}
