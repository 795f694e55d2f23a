package org.spares.domain;


/** The life of an optimization run: QUEUED, RUNNING, then one of SUCCEEDED, FAILED or CANCELLED for good. */
public enum OptimizationStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    /** QUEUED and RUNNING hold their depots: no other run of those depots may start meanwhile. */
    public boolean active() {
        return this == QUEUED || this == RUNNING;
    }
}
