package org.spares.optimize;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;

/** Rejects malformed requests with 422 VALIDATION_FAILED naming the first bad field. */
final class RequestValidator {
    static final int MAXIMUM_POSITIONS = 500_000;
    static final double MAXIMUM_PIPELINE_MEAN = 100_000.0;
    static final double MAXIMUM_VARIANCE_TO_MEAN = 1_000.0;
    static final int MAXIMUM_FRONTIER_POINTS = 200;

    private RequestValidator() {
    }

    static void validate(OptimizeRequest request) {
        if (request.parts().isEmpty()) {
            throw invalid("parts", "must not be empty");
        }
        if (request.depots().isEmpty()) {
            throw invalid("depots", "must not be empty");
        }
        if ((long) request.parts().size() * request.depots().size() > MAXIMUM_POSITIONS) {
            throw invalid("parts", "parts x depots must be <= " + MAXIMUM_POSITIONS);
        }
        Set<String> skus = validateParts(request.parts());
        Set<String> codes = validateDepots(request.depots(), request.objective());
        validateDemand(request.demand(), skus, codes);
        validateTargets(request);
        TableSize.check(request);
    }

    static void validatePoints(Integer points) {
        if (points == null || points < 2 || points > MAXIMUM_FRONTIER_POINTS) {
            throw invalid("points", "must be between 2 and " + MAXIMUM_FRONTIER_POINTS);
        }
    }

    /**
     * A given plan's levels: known depot and sku, each position at most once, 0 <= level; their sum is capped like
     * the solver's tables (TableSize), since evaluating a level tabulates the position up to it.
     */
    static void validateStockLevels(OptimizeRequest request, List<StockLevelInput> levels) {
        if (levels == null) {
            throw invalid("stockLevels", "must be present");
        }
        Set<String> skus = new HashSet<>();
        request.parts().forEach(part -> skus.add(part.sku()));
        Set<String> codes = new HashSet<>();
        request.depots().forEach(depot -> codes.add(depot.code()));
        Set<String> seen = new HashSet<>();
        long sum = 0;
        for (int index = 0; index < levels.size(); index++) {
            StockLevelInput level = levels.get(index);
            String prefix = "stockLevels[" + index + "].";
            if (level == null) {
                throw invalid("stockLevels[" + index + "]", "must not be null");
            }
            requireText(prefix + "depot", level.depot());
            requireText(prefix + "sku", level.sku());
            if (!codes.contains(level.depot())) {
                throw invalid(prefix + "depot", "unknown depot " + level.depot());
            }
            if (!skus.contains(level.sku())) {
                throw invalid(prefix + "sku", "unknown sku " + level.sku());
            }
            if (!seen.add(level.depot() + "\u0000" + level.sku())) {
                throw invalid(prefix + "sku", "duplicate stock level for " + level.depot() + "/" + level.sku());
            }
            if (level.stockLevel() == null || level.stockLevel() < 0) {
                throw invalid(prefix + "stockLevel", "must be present and >= 0");
            }
            sum += level.stockLevel();
            if (sum > TableSize.MAXIMUM_TABLE_UNITS) {
                throw invalid(prefix + "stockLevel", "the sum of stock levels must be <= "
                        + TableSize.MAXIMUM_TABLE_UNITS);
            }
        }
    }

    private static Set<String> validateParts(List<PartInput> parts) {
        Set<String> skus = new HashSet<>();
        for (int index = 0; index < parts.size(); index++) {
            PartInput part = parts.get(index);
            String prefix = "parts[" + index + "].";
            if (part == null) {
                throw invalid("parts[" + index + "]", "must not be null");
            }
            requireText(prefix + "sku", part.sku());
            if (!skus.add(part.sku())) {
                throw invalid(prefix + "sku", "duplicate sku " + part.sku());
            }
            requirePositive(prefix + "unitCost", part.unitCost());
            requirePositive(prefix + "holdingRate", part.holdingRate());
        }
        return skus;
    }

    private static Set<String> validateDepots(List<DepotInput> depots, Objective objective) {
        Set<String> codes = new HashSet<>();
        for (int index = 0; index < depots.size(); index++) {
            DepotInput depot = depots.get(index);
            String prefix = "depots[" + index + "].";
            if (depot == null) {
                throw invalid("depots[" + index + "]", "must not be null");
            }
            requireText(prefix + "code", depot.code());
            if (!codes.add(depot.code())) {
                throw invalid(prefix + "code", "duplicate depot code " + depot.code());
            }
            if (depot.repairOrdersPerDay() != null) {
                requireAtLeastZero(prefix + "repairOrdersPerDay", depot.repairOrdersPerDay());
            }
            // MIN_BACKORDERS ignores the wait target (OptimizeRequest), so it is not checked there either
            if (depot.maxPartsWaitHours() != null && objective == Objective.MIN_COST) {
                requireFinite(prefix + "maxPartsWaitHours", depot.maxPartsWaitHours());
                if (depot.repairOrdersPerDay() == null || depot.repairOrdersPerDay() <= 0.0) {
                    throw invalid(prefix + "repairOrdersPerDay", "must be > 0 when maxPartsWaitHours is given");
                }
            }
            Double minFillRate = depot.minFillRate();
            if (minFillRate != null && (!Double.isFinite(minFillRate) || minFillRate < 0.0 || minFillRate >= 1.0)) {
                throw invalid(prefix + "minFillRate", "must be >= 0 and < 1");
            }
        }
        return codes;
    }

    private static void validateDemand(List<DemandInput> demand, Set<String> skus, Set<String> codes) {
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < demand.size(); index++) {
            DemandInput row = demand.get(index);
            String prefix = "demand[" + index + "].";
            if (row == null) {
                throw invalid("demand[" + index + "]", "must not be null");
            }
            requireText(prefix + "depot", row.depot());
            requireText(prefix + "sku", row.sku());
            if (!codes.contains(row.depot())) {
                throw invalid(prefix + "depot", "unknown depot " + row.depot());
            }
            if (!skus.contains(row.sku())) {
                throw invalid(prefix + "sku", "unknown sku " + row.sku());
            }
            if (!seen.add(row.depot() + "\u0000" + row.sku())) {
                throw invalid(prefix + "sku", "duplicate demand row for " + row.depot() + "/" + row.sku());
            }
            requireAtLeastZero(prefix + "ratePerDay", row.ratePerDay());
            requirePositive(prefix + "leadTimeDays", row.leadTimeDays());
            requireFinite(prefix + "varianceToMeanRatio", row.varianceToMeanRatio());
            if (row.varianceToMeanRatio() < 1.0 || row.varianceToMeanRatio() > MAXIMUM_VARIANCE_TO_MEAN) {
                throw invalid(prefix + "varianceToMeanRatio", "must be >= 1 and <= " + MAXIMUM_VARIANCE_TO_MEAN);
            }
            if (row.ratePerDay() * row.leadTimeDays() > MAXIMUM_PIPELINE_MEAN) {
                throw invalid(prefix + "ratePerDay", "ratePerDay * leadTimeDays must be <= " + MAXIMUM_PIPELINE_MEAN);
            }
        }
    }

    /** Only the fields the objective uses are checked; the others are ignored (OptimizeRequest). */
    private static void validateTargets(OptimizeRequest request) {
        if (request.objective() == Objective.MIN_BACKORDERS) {
            if (request.annualBudget() == null) {
                throw invalid("annualBudget", "is required with objective MIN_BACKORDERS");
            }
            requireAtLeastZero("annualBudget", request.annualBudget());
        } else if (request.maxTotalBackorders() != null) {
            requireAtLeastZero("maxTotalBackorders", request.maxTotalBackorders());
        }
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(field, "must not be blank");
        }
    }

    private static void requireFinite(String field, Double value) {
        if (value == null) {
            throw invalid(field, "must be present");
        }
        if (!Double.isFinite(value)) {
            throw invalid(field, "must be a finite number");
        }
    }

    private static void requirePositive(String field, Double value) {
        requireFinite(field, value);
        if (value <= 0.0) {
            throw invalid(field, "must be > 0");
        }
    }

    private static void requireAtLeastZero(String field, Double value) {
        requireFinite(field, value);
        if (value < 0.0) {
            throw invalid(field, "must be >= 0");
        }
    }

    static DomainException invalid(String field, String message) {
        return new DomainException(ErrorCode.VALIDATION_FAILED, 422, field + ": " + message, Map.of("field", field));
    }
}
