package org.spares.simulate;

/** One depot's simulated measures. */
public record SimulatedDepot(String depot, SimulatedMeasures simulated) {
}
