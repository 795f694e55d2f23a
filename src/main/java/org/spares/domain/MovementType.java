package org.spares.domain;






/** Ledger row types. The sign of a row's quantity follows its type. */
public enum MovementType {
    RECEIPT,
    ADJUSTMENT,
    SCRAP,
    ISSUE,
    TRANSFER_OUT,
    TRANSFER_IN;

    /** Whether the part's units owned change (transfers only move units between depots and transit). */
    public boolean changesUnitsOwned() {
        return this != TRANSFER_OUT && this != TRANSFER_IN;
    }

    /** The types a manager posts to /movements; the others come from issues and transfers. */
    public boolean postable() {
        return this == RECEIPT || this == ADJUSTMENT || this == SCRAP;
    }
}
