package org.spares.simulate;

import java.util.Objects;

/**
 * One (depot, part) position under base stock {@code stockLevel}. {@code ratePerDay} is in units; occurrences
 * arrive as a Poisson process at {@code ratePerDay / sizes.mean()} a day, each taking a {@code sizes} sample.
 */
public record SimPosition(int depotIndex, double ratePerDay, double leadTimeDays, int stockLevel,
        SizeDistribution sizes) {

    public SimPosition {
        Objects.requireNonNull(sizes, "sizes");
        if (depotIndex < 0) {
            throw new IllegalArgumentException("depotIndex must be >= 0: " + depotIndex);
        }
        if (!(ratePerDay >= 0.0) || Double.isInfinite(ratePerDay)) {
            throw new IllegalArgumentException("ratePerDay must be finite and >= 0: " + ratePerDay);
        }
        if (!(leadTimeDays > 0.0) || Double.isInfinite(leadTimeDays)) {
            throw new IllegalArgumentException("leadTimeDays must be finite and > 0: " + leadTimeDays);
        }
        if (stockLevel < 0) {
            throw new IllegalArgumentException("stockLevel must be >= 0: " + stockLevel);
        }
    }

    /** Demand occurrences a day. */
    public double occurrencesPerDay() {
        return ratePerDay / sizes.mean();
    }
}
