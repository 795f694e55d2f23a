package org.spares.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The life of an optimization run: QUEUED, RUNNING, then one of SUCCEEDED, FAILED or CANCELLED for good. */
public enum OptimizationStatus implements Lifecycle<OptimizationStatus> {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    private static final Map<OptimizationStatus, Set<OptimizationStatus>> NEXT = Map.of(
            QUEUED, Set.of(RUNNING, FAILED, CANCELLED),
            RUNNING, Set.of(SUCCEEDED, FAILED, CANCELLED),
            SUCCEEDED, Set.of(),
            FAILED, Set.of(),
            CANCELLED, Set.of());

    @Override
    public boolean canBecome(OptimizationStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Every status that may become {@code next}: the SQL guard of a move that can start from more than one. */
    public static List<OptimizationStatus> before(OptimizationStatus next) {
        return Arrays.stream(values()).filter(status -> status.canBecome(next)).toList();
    }

    /** QUEUED and RUNNING hold their depots: no other run of those depots may start meanwhile. */
    public boolean active() {
        return this == QUEUED || this == RUNNING;
    }
}
