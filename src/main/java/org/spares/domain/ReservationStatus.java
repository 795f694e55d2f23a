package org.spares.domain;

import java.util.Map;
import java.util.Set;

/** A reservation's states and the only moves between them. */
public enum ReservationStatus implements Lifecycle<ReservationStatus> {
    HELD,
    BACKORDERED,
    ISSUED,
    RELEASED,
    EXPIRED;

    private static final Map<ReservationStatus, Set<ReservationStatus>> NEXT = Map.of(
            HELD, Set.of(ISSUED, RELEASED, EXPIRED),
            BACKORDERED, Set.of(HELD, RELEASED),
            ISSUED, Set.of(),
            RELEASED, Set.of(),
            EXPIRED, Set.of());

    @Override
    public boolean canBecome(ReservationStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Still holding or waiting for stock. */
    public boolean active() {
        return this == HELD || this == BACKORDERED;
    }
}
