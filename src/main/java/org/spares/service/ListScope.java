package org.spares.service;

import java.util.List;
import java.util.Set;
import org.spares.domain.Caller;

/**
 * Which depots a list may show: an explicit {@code depot} filter is checked against the caller's depots (403), and
 * the codes to limit to are given (a harmless placeholder when the caller sees every depot, since SQL's
 * {@code IN ()} is not valid).
 */
record ListScope(boolean allDepots, List<String> depots) {
    private static final List<String> ALL = List.of("-");

    static ListScope of(Caller caller, String depot) {
        if (depot != null) {
            caller.requireDepot(depot);
        }
        Set<String> depots = caller.depotFilter();
        return depots == null ? new ListScope(true, ALL)
                : new ListScope(false, depots.isEmpty() ? ALL : List.copyOf(depots));
    }
}
