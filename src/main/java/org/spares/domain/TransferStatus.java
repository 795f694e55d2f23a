package org.spares.domain;

import java.util.Map;
import java.util.Set;

/** A transfer's states and the only moves between them. */
public enum TransferStatus implements Lifecycle<TransferStatus> {
    REQUESTED,
    SHIPPED,
    RECEIVED,
    CANCELLED;

    private static final Map<TransferStatus, Set<TransferStatus>> NEXT = Map.of(
            REQUESTED, Set.of(SHIPPED, CANCELLED),
            SHIPPED, Set.of(RECEIVED),
            RECEIVED, Set.of(),
            CANCELLED, Set.of());

    @Override
    public boolean canBecome(TransferStatus next) {
        return NEXT.get(this).contains(next);
    }
}
