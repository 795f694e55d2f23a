package org.spares.optimize;






/** Thrown when a run is cancelled through {@link SolverLimits}; the caller records the run as cancelled. */
public class SolveCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SolveCancelledException() {
        super("optimization cancelled");
    }
}
