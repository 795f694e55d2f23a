package org.spares.simulate;

/** Simulated fill rate, expected backorders and parts-wait hours (null without repair orders). */
public record SimulatedMeasures(Estimate fillRate, Estimate expectedBackorders, Estimate partsWaitHours) {
}
