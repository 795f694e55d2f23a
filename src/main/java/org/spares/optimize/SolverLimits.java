package org.spares.optimize;

import java.util.function.BooleanSupplier;

/**
 * How long the solver may work, how close to optimal it must get, and how to stop it. {@code timeLimitMillis}
 * bounds the whole solve (the solver checks its own deadline; ojalgo alone may overrun a little); the plan found
 * by then is returned with its honest gap. {@code targetGap} lets the exact phase stop once the whole plan's
 * proven relative gap is within it: the default {@link #PROVE_OPTIMAL} searches until optimality is proven.
 * {@code cancelled} is polled between steps (as is the thread's interrupt flag); a cancelled run throws
 * {@link SolveCancelledException}.
 */
public record SolverLimits(long timeLimitMillis, BooleanSupplier cancelled, double targetGap) {
    public static final long DEFAULT_TIME_LIMIT_MILLIS = 20_000;
    /** The OPTIMAL threshold (docs/OPTIMIZER.md, "What solved means"): a target this small means "prove the optimum". */
    public static final double PROVE_OPTIMAL = 1e-9;

    public SolverLimits {
        if (timeLimitMillis <= 0) {
            throw new IllegalArgumentException("timeLimitMillis must be > 0");
        }
        if (!(targetGap >= 0.0 && targetGap < 1.0)) {
            throw new IllegalArgumentException("targetGap must be >= 0 and < 1");
        }
        cancelled = cancelled == null ? () -> false : cancelled;
    }

    public SolverLimits(long timeLimitMillis, BooleanSupplier cancelled) {
        this(timeLimitMillis, cancelled, PROVE_OPTIMAL);
    }

    public static SolverLimits defaults() {
        return new SolverLimits(DEFAULT_TIME_LIMIT_MILLIS, () -> false);
    }

    /** Whether the exact phase may stop short of proving the optimum. */
    boolean acceptsGap() {
        return targetGap > PROVE_OPTIMAL;
    }

    boolean stopRequested() {
        return cancelled.getAsBoolean() || Thread.currentThread().isInterrupted();
    }
}
