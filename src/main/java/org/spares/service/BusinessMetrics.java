package org.spares.service;

import com.codahale.metrics.MetricRegistry;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.spares.domain.ReservationStatus;

/**
 * The business meters, in Dropwizard's {@link MetricRegistry} (the server's, so they show on /metrics and
 * /metrics/prometheus; a plain one of their own in commands). A state change is counted when its transaction
 * commits, so a deadlock retry or a rollback counts nothing and an idempotent replay does not run it again.
 */
public final class BusinessMetrics {
    public static final String RESERVATIONS_HELD = "spares.reservations.held";
    public static final String RESERVATIONS_BACKORDERED = "spares.reservations.backordered";
    public static final String RESERVATIONS_FILLED = "spares.reservations.filled";
    public static final String RESERVATIONS_EXPIRED = "spares.reservations.expired";
    /** Followed by the outcome: succeeded, failed, cancelled. */
    public static final String OPTIMIZATION_RUNS = "spares.optimizations.runs";
    public static final String OPTIMIZATION_SOLVE = "spares.optimizations.solve";

    private final MetricRegistry registry;

    /** Registers every meter at once, so a scrape shows them at 0 before the first event. */
    public BusinessMetrics(MetricRegistry registry) {
        this.registry = registry;
        for (String name : new String[] {RESERVATIONS_HELD, RESERVATIONS_BACKORDERED, RESERVATIONS_FILLED,
                RESERVATIONS_EXPIRED}) {
            registry.meter(name);
        }
        for (OptimizationRunner.Result result : OptimizationRunner.Result.values()) {
            if (result != OptimizationRunner.Result.NOT_QUEUED) {
                registry.meter(runs(result));
            }
        }
        registry.timer(OPTIMIZATION_SOLVE);
    }

    private static String runs(OptimizationRunner.Result result) {
        return MetricRegistry.name(OPTIMIZATION_RUNS, result.name().toLowerCase(Locale.ROOT));
    }

    /** For commands and tests that have no server's registry. */
    public static BusinessMetrics unregistered() {
        return new BusinessMetrics(new MetricRegistry());
    }

    /** A new reservation was HELD or BACKORDERED, or a HELD one EXPIRED, in the transaction of {@code handle}. */
    void entered(Handle handle, ReservationStatus status) {
        String name = switch (status) {
            case HELD -> RESERVATIONS_HELD;
            case BACKORDERED -> RESERVATIONS_BACKORDERED;
            case EXPIRED -> RESERVATIONS_EXPIRED;
            default -> throw new IllegalArgumentException("no meter for entering " + status);
        };
        handle.afterCommit(() -> registry.meter(name).mark());
    }

    /** A backorder was filled (BACKORDERED to HELD) in the transaction of {@code handle}. */
    void filled(Handle handle) {
        handle.afterCommit(() -> registry.meter(RESERVATIONS_FILLED).mark());
    }

    /** A background optimization run ended (a run no longer queued is not counted). */
    void optimizationEnded(OptimizationRunner.Result result) {
        if (result != OptimizationRunner.Result.NOT_QUEUED) {
            registry.meter(runs(result)).mark();
        }
    }

    /** The solver's own time for one run's plan. */
    void solved(long solveMillis) {
        registry.timer(OPTIMIZATION_SOLVE).update(solveMillis, TimeUnit.MILLISECONDS);
    }
}
