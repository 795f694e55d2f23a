package org.spares.optimize;

import java.util.Map;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;

/**
 * The size of the unit tables a request needs, estimated from its demand rows before anything is built: every
 * position with demand gets about mu + 8 sigma + 4 units (UnitTables), and everything after the tables (the
 * bound, the heuristic, the frontier's sequence, the report's sums) works in proportion to them. A request past
 * the limit is refused up front with 422 instead of running the heap out: 600 positions with a mean pipeline of
 * 100,000 and a variance ratio of 1,000 would need 108 million units (860 MB for one table kind). Time decides the
 * limit more than memory: 9.7 million units took 44 s to tabulate and bound on the loaded 2-core machine, far
 * past a 20 s time limit. 4 million is three times what a realistic 50-depot x 5,000-part model needs (1.3
 * million) and 32 MB per table kind.
 */
final class TableSize {
    static final long MAXIMUM_TABLE_UNITS = 4_000_000L;

    private TableSize() {
    }

    /** The estimate, in units; the same length formula UnitTables starts from. */
    static double estimate(OptimizeRequest request) {
        double units = 0.0;
        for (DemandInput row : request.demand()) {
            double mean = row.ratePerDay() * row.leadTimeDays();
            if (mean > 0.0) {
                units += Math.ceil(UnitTables.initialLength(mean, row.varianceToMeanRatio()));
            }
        }
        return units;
    }

    /** @throws DomainException 422 VALIDATION_FAILED naming the limit when the tables would be too large */
    static void check(OptimizeRequest request) {
        double units = estimate(request);
        if (units > MAXIMUM_TABLE_UNITS) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, 422, String.format(
                    "demand: the model is too large to solve: its pipelines need about %.0f table units "
                            + "(sum over positions of mean + 8 standard deviations), the limit is %d; "
                            + "split the model or lower the largest pipelines",
                    units, MAXIMUM_TABLE_UNITS),
                    Map.of("field", "demand", "limit", MAXIMUM_TABLE_UNITS, "estimate", Math.round(units)));
        }
    }
}
