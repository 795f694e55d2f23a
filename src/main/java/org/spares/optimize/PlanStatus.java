package org.spares.optimize;






/** OPTIMAL only when the gap to a proven lower bound is at most 1e-9; FEASIBLE reports the honest gap. */
public enum PlanStatus {
    OPTIMAL,
    FEASIBLE
}
