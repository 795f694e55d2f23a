package org.spares.optimize;






/** Sums of positive terms behind EBO and EOH; each converges without cancellation in its own region. */
final class TailSums {
    private static final double NEGLIGIBLE = 1e-18;
    private static final int MAXIMUM_TERMS = 10_000_000;

    private TailSums() {
    }

    /** sum_{k=0}^{S-1} P(X <= k), the cumulative built by adding point probabilities upwards. */
    static double sumOfCumulatives(PipelineDistribution distribution, int stockLevel) {
        double cumulative = 0.0;
        double sum = 0.0;
        for (int k = 0; k < stockLevel; k++) {
            cumulative += distribution.probability(k);
            sum += cumulative;
        }
        return sum;
    }

    /** E[(X - S)+] = sum_{j > S} (j - S) P(X = j), summed until the terms stop mattering past the mean. */
    static double rightTailExcess(PipelineDistribution distribution, int stockLevel) {
        double sum = 0.0;
        double mean = distribution.mean();
        for (int j = stockLevel + 1; j - stockLevel < MAXIMUM_TERMS; j++) {
            double term = (j - (double) stockLevel) * distribution.probability(j);
            sum += term;
            if (j > mean + 1 && j > stockLevel + 1 && term <= NEGLIGIBLE * sum) {
                return sum;
            }
            if (j > mean + 1 && term == 0.0) {
                return sum;
            }
        }
        return sum;
    }
}
