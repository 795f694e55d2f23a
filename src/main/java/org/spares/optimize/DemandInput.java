package org.spares.optimize;






/** Demand of one part at one depot; {@code varianceToMeanRatio} defaults to 1 (Poisson). */
public record DemandInput(String depot, String sku, Double ratePerDay, Double leadTimeDays,
        Double varianceToMeanRatio) {

    public DemandInput {
        varianceToMeanRatio = varianceToMeanRatio == null ? 1.0 : varianceToMeanRatio;
    }
}
