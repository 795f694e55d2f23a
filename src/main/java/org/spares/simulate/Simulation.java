package org.spares.simulate;

import java.util.List;

/** The simulation's answer: per depot (in the order given) and in total. */
public record Simulation(List<SimulatedDepot> depots, SimulatedMeasures total) {

    public Simulation {
        depots = List.copyOf(depots);
    }
}
