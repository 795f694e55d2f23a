package org.spares.optimize;






/** MIN_COST meets the service targets at least cost; MIN_BACKORDERS spends a budget for the fewest backorders. */
public enum Objective {
    MIN_COST,
    MIN_BACKORDERS
}
