package org.spares.simulate;

import java.util.SplittableRandom;

/**
 * The number of units one demand occurrence takes. Occurrences arrive as a Poisson process, so the units ordered
 * over a lead time are compound Poisson with these sizes: unit sizes give the Poisson pipeline, logarithmic sizes
 * the negative binomial one (the two pipelines of docs/OPTIMIZER.md).
 */
public sealed interface SizeDistribution permits UnitSize, LogarithmicSize, EmpiricalSize {

    /** Every occurrence takes one unit. */
    static SizeDistribution unit() {
        return UnitSize.INSTANCE;
    }

    /**
     * Logarithmic-series sizes with {@code q = 1 - 1/v}: Poisson occurrences with these sizes give a pipeline that is
     * exactly negative binomial with variance-to-mean ratio {@code v} (E[K^2] / E[K] = 1 / (1 - q) = v); unit sizes
     * when {@code v == 1}.
     */
    static SizeDistribution logarithmic(double varianceToMeanRatio) {
        if (!(varianceToMeanRatio >= 1.0) || Double.isInfinite(varianceToMeanRatio)) {
            throw new IllegalArgumentException("variance-to-mean ratio must be finite and >= 1: "
                    + varianceToMeanRatio);
        }
        if (varianceToMeanRatio == 1.0) {
            return unit();
        }
        return new LogarithmicSize(1.0 - 1.0 / varianceToMeanRatio);
    }

    /** Resamples the observed sizes uniformly; each must be at least 1. */
    static SizeDistribution empirical(int[] observedSizes) {
        return new EmpiricalSize(observedSizes);
    }

    /** E[K], units per occurrence. */
    double mean();

    /** One occurrence's size, at least 1. */
    int sample(SplittableRandom random);
}
