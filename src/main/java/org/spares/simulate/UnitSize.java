package org.spares.simulate;

import java.util.SplittableRandom;

/** Every occurrence takes one unit: the Poisson pipeline. */
final class UnitSize implements SizeDistribution {
    static final UnitSize INSTANCE = new UnitSize();

    private UnitSize() {
    }

    @Override
    public double mean() {
        return 1.0;
    }

    @Override
    public int sample(SplittableRandom random) {
        return 1;
    }

    @Override
    public String toString() {
        return "unit";
    }
}
