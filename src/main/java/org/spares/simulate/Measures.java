package org.spares.simulate;

/** Measured fill rate, expected backorders and parts-wait hours (null without repair orders). */
public record Measures(double fillRate, double expectedBackorders, Double partsWaitHours) {
}
