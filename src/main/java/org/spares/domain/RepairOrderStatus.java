package org.spares.domain;

import java.util.Map;
import java.util.Set;

/**
 * A repair order's states and the only moves between them. AWAITING_PARTS holds exactly while any of its
 * reservations is BACKORDERED, so only an OPEN order (nothing held or awaited) can be completed.
 */
public enum RepairOrderStatus implements Lifecycle<RepairOrderStatus> {
    OPEN,
    AWAITING_PARTS,
    COMPLETED,
    CANCELLED;

    private static final Map<RepairOrderStatus, Set<RepairOrderStatus>> NEXT = Map.of(
            OPEN, Set.of(AWAITING_PARTS, COMPLETED, CANCELLED),
            AWAITING_PARTS, Set.of(OPEN, CANCELLED),
            COMPLETED, Set.of(),
            CANCELLED, Set.of());

    @Override
    public boolean canBecome(RepairOrderStatus next) {
        return NEXT.get(this).contains(next);
    }

    public boolean active() {
        return this == OPEN || this == AWAITING_PARTS;
    }
}
