package org.spares.simulate;

/** A depot of the simulation; {@code repairOrdersPerDay} turns its backorders into parts-wait hours (0: none). */
public record SimDepot(String code, double repairOrdersPerDay) {

    public SimDepot {
        if (!(repairOrdersPerDay >= 0.0) || Double.isInfinite(repairOrdersPerDay)) {
            throw new IllegalArgumentException("repairOrdersPerDay must be finite and >= 0: " + repairOrdersPerDay);
        }
    }
}
