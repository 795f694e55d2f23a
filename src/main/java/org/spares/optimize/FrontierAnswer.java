package org.spares.optimize;

import java.util.List;

/** Points of the cost-versus-backorders frontier, cheapest first. */
public record FrontierAnswer(List<Point> points) {

    public FrontierAnswer {
        points = List.copyOf(points);
    }

    /** {@code partsWaitHours} = 24 * sum EBO / sum R; null when no depot reports repair orders. */
    public record Point(double annualHoldingCost, double totalExpectedBackorders, Double partsWaitHours,
            double fillRate) {
    }
}
