package org.spares.domain;

import java.util.List;

/** The depots a report may include, by id: every depot, or only these (never empty: -1 stands for none). */
public record DepotScope(boolean allDepots, List<Long> depotIds) {
    private static final List<Long> NONE = List.of(-1L);

    public DepotScope {
        depotIds = depotIds.isEmpty() ? NONE : List.copyOf(depotIds);
    }

    public static DepotScope all() {
        return new DepotScope(true, NONE);
    }

    public boolean includes(long depotId) {
        return allDepots || depotIds.contains(depotId);
    }
}
