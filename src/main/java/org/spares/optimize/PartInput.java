package org.spares.optimize;






/** A part of the request; {@code holdingRate} is per year and defaults to 0.25. */
public record PartInput(String sku, Double unitCost, Double holdingRate) {
    public static final double DEFAULT_HOLDING_RATE = 0.25;

    public PartInput {
        holdingRate = holdingRate == null ? DEFAULT_HOLDING_RATE : holdingRate;
    }
}
