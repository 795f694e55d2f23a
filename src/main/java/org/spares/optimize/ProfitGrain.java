package org.spares.optimize;






/**
 * Finds a grid all profits lie on, such as 0.05 when every holding cost is a price in cents times a rate of 0.25
 * or 0.2. The exact knapsack may then drop any state whose bound, rounded down to the grid, does not beat the
 * best: a proof of optimality keeps far fewer states than with real-valued costs.
 */
final class ProfitGrain {
    private static final double[] MANTISSAS = {5.0, 2.5, 2.0, 1.25, 1.0};
    private static final double TOLERANCE = 1e-9;

    private ProfitGrain() {
    }

    /** The coarsest grid of the form m * 10^k (k from 3 down to -6) holding every profit, or 0 if there is none. */
    static double of(double[] profits) {
        for (int exponent = 3; exponent >= -6; exponent--) {
            for (double mantissa : MANTISSAS) {
                double grain = mantissa * Math.pow(10.0, exponent);
                if (holds(profits, grain)) {
                    return grain;
                }
            }
        }
        return 0.0;
    }

    private static boolean holds(double[] profits, double grain) {
        for (double profit : profits) {
            double steps = profit / grain;
            if (steps > 1e12 || Math.abs(steps - Math.rint(steps)) > TOLERANCE * Math.max(1.0, steps)) {
                return false;
            }
        }
        return true;
    }
}
