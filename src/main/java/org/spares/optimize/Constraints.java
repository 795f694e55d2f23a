package org.spares.optimize;






/** The shared tolerance for every constraint comparison (docs/OPTIMIZER.md: 1e-12). */
final class Constraints {
    static final double TOLERANCE = 1e-12;

    private Constraints() {
    }

    /** value <= limit, allowing 1e-12 relative to the limit (absolute below 1). */
    static boolean atMost(double value, double limit) {
        return value <= limit + TOLERANCE * Math.max(1.0, Math.abs(limit));
    }

    static boolean atLeast(double value, double limit) {
        return value >= limit - TOLERANCE * Math.max(1.0, Math.abs(limit));
    }

    /** Smallest S with FR(S) >= floor (within the tolerance). */
    static int fillRateFloor(PipelineDistribution distribution, double minFillRate) {
        if (minFillRate <= 0.0 || distribution.mean() == 0.0) {
            return 0;
        }
        double spread = Math.sqrt(distribution.mean() * 10.0);
        int level = Math.max(1, (int) Math.floor(distribution.mean() - 12.0 * spread));
        if (atLeast(distribution.fillRate(level), minFillRate)) {
            level = 1;
        }
        while (!atLeast(distribution.fillRate(level), minFillRate)) {
            level++;
        }
        return level;
    }
}
