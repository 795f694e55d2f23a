package org.spares.simulate;

import java.util.List;

/** The replay's answer: per depot (in the order given) and in total. */
public record ReplayedMeasures(List<Measures> depots, Measures total) {

    public ReplayedMeasures {
        depots = List.copyOf(depots);
    }
}
