package org.spares.domain;


/** A repair order's states. AWAITING_PARTS holds exactly while any of its reservations is BACKORDERED. */
public enum RepairOrderStatus {
    OPEN,
    AWAITING_PARTS,
    COMPLETED,
    CANCELLED;

    public boolean active() {
        return this == OPEN || this == AWAITING_PARTS;
    }
}
