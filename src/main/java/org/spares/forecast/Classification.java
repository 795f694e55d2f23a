package org.spares.forecast;

/**
 * Syntetos, Boylan and Croston (2005) on a series of bucket totals. ADI here is the number of buckets divided by
 * the number of buckets with demand (the whole span over the count, not the mean gap between demands, which needs
 * a convention for the gap before the first one). CV² is the population variance of the non-zero totals divided by
 * their squared mean. Both are null for a series without demand.
 */
public record Classification(DemandClass demandClass, Double adi, Double cv2) {

    public static Classification of(int[] series) {
        int nonZero = ForecastMethod.nonZero(series);
        if (nonZero == 0) {
            return new Classification(DemandClass.NO_DEMAND, null, null);
        }
        double sum = 0;
        double sumOfSquares = 0;
        for (int value : series) {
            if (value > 0) {
                sum += value;
                sumOfSquares += (double) value * value;
            }
        }
        double mean = sum / nonZero;
        // Clamped at 0: E[x²] - E[x]² can come out a rounding error below zero when all sizes are equal.
        double variance = Math.max(0, sumOfSquares / nonZero - mean * mean);
        double adi = (double) series.length / nonZero;
        double cv2 = variance / (mean * mean);
        return new Classification(DemandClass.of(adi, cv2), adi, cv2);
    }
}
