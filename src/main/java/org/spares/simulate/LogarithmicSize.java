package org.spares.simulate;

import java.util.SplittableRandom;

/**
 * Logarithmic-series sizes, P(K = k) = -q^k / (k ln(1 - q)) for k >= 1.
 *
 * <p>Sampled with Kemp's mixture: K = floor(1 + ln V / ln(1 - (1 - q)^U)) for independent uniforms U and V, which is
 * O(1) however heavy the tail (a search over the cumulative would walk thousands of terms when q is near 1). The two
 * early returns are the same formula's answers 1 and 2, taken without the second logarithm: they cover most draws.
 */
final class LogarithmicSize implements SizeDistribution {
    private final double q;
    /** ln(1 - q), negative. */
    private final double logOneMinusQ;
    private final double mean;

    LogarithmicSize(double q) {
        if (!(q > 0.0 && q < 1.0)) {
            throw new IllegalArgumentException("q must be in (0, 1): " + q);
        }
        this.q = q;
        this.logOneMinusQ = Math.log1p(-q);
        this.mean = -q / ((1.0 - q) * logOneMinusQ);
    }

    @Override
    public double mean() {
        return mean;
    }

    @Override
    public int sample(SplittableRandom random) {
        double v = random.nextDouble();
        if (v >= q) {
            return 1;
        }
        // 1 - (1 - q)^U lies in (0, q]; expm1 keeps it accurate when q is small.
        double mixed = -Math.expm1(logOneMinusQ * random.nextDouble());
        if (v > mixed) {
            return 1;
        }
        if (v > mixed * mixed) {
            return 2;
        }
        double size = Math.floor(1.0 + Math.log(v) / Math.log(mixed));
        return size >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) size;
    }

    @Override
    public String toString() {
        return "logarithmic(q=" + q + ")";
    }
}
