package org.spares.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The replay on hand-made event lists, the arithmetic written out. */
class HistoryReplayTest {

    /**
     * S = 1, L = 2 days, a window of 5 days, single units demanded on days 1 and 2.
     * <ul>
     * <li>day 1: on hand 1, the unit is issued (found stock), its replacement is due on day 3; net 0.</li>
     * <li>day 2: on hand 0, backordered (no stock); net -1; its replacement is due on day 4.</li>
     * <li>day 3: the first replacement arrives and fills the backorder; net 0. Day 4: the second arrives; net 1.</li>
     * </ul>
     * Backorders: 1 unit from day 2 to day 3, so the integral is 1 unit-day and the time average 1 / 5 = 0.2.
     * Fill rate: 1 of 2 occurrences found stock, 0.5. Parts wait with 0.5 repair orders a day: 24 * 0.2 / 0.5 = 9.6 h.
     */
    @Test
    void twoDemandsAgainstOneUnit() {
        ReplayedMeasures measures = HistoryReplay.replay(List.of(new SimDepot("ATL", 0.5)),
                List.of(new ReplayPosition(0, 2.0, 1, new double[] {1.0, 2.0}, new int[] {1, 1})), 5.0);
        Measures depot = measures.depots().get(0);
        assertThat(depot.fillRate()).isEqualTo(0.5);
        assertThat(depot.expectedBackorders()).isCloseTo(0.2, within(1e-12));
        assertThat(depot.partsWaitHours()).isCloseTo(9.6, within(1e-12));
        assertThat(measures.total()).isEqualTo(depot);
    }

    /**
     * Two depots. ATL: S = 2, L = 3; 3 units on day 0.5 (found stock: on hand 2 issued, 1 backordered, net -1), 1 unit
     * on day 1 (no stock, net -2); arrivals on day 3.5 (+3, net 1: both backorders filled) and day 4 (+1, net 2).
     * Backorders: 1 unit over [0.5, 1], 2 units over [1, 3.5]: 0.5 + 5 = 5.5 unit-days, / 10 days = 0.55.
     * Fill: 1 of 2 occurrences, 4 units demanded. BOS: S = 0, L = 1; one unit on day 9.5, due on day 10.5, after the
     * window: 0.5 unit-days, 0.05; fill 0 with 1 unit demanded; no repair orders, so no parts wait. A position
     * without demand (CHI) weighs nothing and has fill rate 1.
     * Total fill: (4 * 0.5 + 1 * 0) / 5 = 0.4; total backorders 0.6; wait 24 * 0.6 / 2 = 7.2 h.
     */
    @Test
    void depotsAreWeightedByUnitsDemanded() {
        ReplayedMeasures measures = HistoryReplay.replay(
                List.of(new SimDepot("ATL", 2.0), new SimDepot("BOS", 0.0), new SimDepot("CHI", 0.0)),
                List.of(new ReplayPosition(0, 3.0, 2, new double[] {0.5, 1.0}, new int[] {3, 1}),
                        new ReplayPosition(1, 1.0, 0, new double[] {9.5, 12.0}, new int[] {1, 5}),
                        new ReplayPosition(2, 1.0, 4, new double[0], new int[0])), 10.0);
        Measures atlanta = measures.depots().get(0);
        assertThat(atlanta.fillRate()).isEqualTo(0.5);
        assertThat(atlanta.expectedBackorders()).isCloseTo(0.55, within(1e-12));
        assertThat(atlanta.partsWaitHours()).isCloseTo(24 * 0.55 / 2.0, within(1e-12));
        Measures boston = measures.depots().get(1);
        assertThat(boston.fillRate()).isEqualTo(0.0);
        assertThat(boston.expectedBackorders()).isCloseTo(0.05, within(1e-12));
        assertThat(boston.partsWaitHours()).isNull();
        assertThat(measures.depots().get(2)).isEqualTo(new Measures(1.0, 0.0, null));
        assertThat(measures.total().fillRate()).isCloseTo(0.4, within(1e-12));
        assertThat(measures.total().expectedBackorders()).isCloseTo(0.6, within(1e-12));
        assertThat(measures.total().partsWaitHours()).isCloseTo(7.2, within(1e-12));
    }
}
