package org.spares.optimize;






/** A depot of the request; every target is optional. */
public record DepotInput(String code, Double repairOrdersPerDay, Double maxPartsWaitHours, Double minFillRate) {
}
