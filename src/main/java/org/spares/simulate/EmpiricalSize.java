package org.spares.simulate;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Resamples observed sizes uniformly (a bootstrap of one part's history). */
final class EmpiricalSize implements SizeDistribution {
    private final int[] sizes;
    private final double mean;

    EmpiricalSize(int[] observedSizes) {
        if (observedSizes == null || observedSizes.length == 0) {
            throw new IllegalArgumentException("at least one observed size is needed");
        }
        this.sizes = observedSizes.clone();
        long sum = 0;
        for (int size : sizes) {
            if (size < 1) {
                throw new IllegalArgumentException("observed sizes must be >= 1: " + size);
            }
            sum += size;
        }
        this.mean = (double) sum / sizes.length;
    }

    @Override
    public double mean() {
        return mean;
    }

    @Override
    public int sample(SplittableRandom random) {
        return sizes[random.nextInt(sizes.length)];
    }

    @Override
    public String toString() {
        return "empirical" + Arrays.toString(sizes);
    }
}
