package org.spares.optimize;

import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.RegularizedGamma;

/** Poisson pipeline (Palm's theorem, variance-to-mean 1). */
public record PoissonPipeline(double mean) implements PipelineDistribution {

    public PoissonPipeline {
        if (!(mean >= 0.0) || Double.isInfinite(mean)) {
            throw new IllegalArgumentException("mean must be finite and >= 0: " + mean);
        }
    }

    @Override
    public double logProbability(int k) {
        if (k < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (mean == 0.0) {
            return k == 0 ? 0.0 : Double.NEGATIVE_INFINITY;
        }
        return -mean + k * Math.log(mean) - LogGamma.value(k + 1.0);
    }

    @Override
    public double survival(int k) {
        if (k < 0) {
            return 1.0;
        }
        if (mean == 0.0) {
            return 0.0;
        }
        return RegularizedGamma.P.value(k + 1.0, mean);
    }

    @Override
    public double cumulative(int k) {
        if (k < 0) {
            return 0.0;
        }
        if (mean == 0.0) {
            return 1.0;
        }
        return RegularizedGamma.Q.value(k + 1.0, mean);
    }
}
