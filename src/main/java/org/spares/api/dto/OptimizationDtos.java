package org.spares.api.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.spares.domain.DepotResult;
import org.spares.domain.Money;
import org.spares.domain.Optimization;
import org.spares.domain.Recommendation;
import org.spares.service.OptimizationService;

/** Wire shapes of /optimizations. */
public final class OptimizationDtos {
    public static final int DEFAULT_HISTORY_DAYS = 365;

    private OptimizationDtos() {
    }

    /** POST /optimizations; {@code historyDays} defaults to 365. */
    public record NewOptimization(
            @NotNull @Size(min = 1, max = 100) List<@NotNull @Pattern(regexp = "[A-Z0-9-]{2,16}") String> depots,
            @Min(1) @Max(3650) Integer historyDays) {
        public int days() {
            return historyDays == null ? DEFAULT_HISTORY_DAYS : historyDays;
        }
    }

    /** POST /optimizations/{id}/apply; no body or no {@code depots} means every depot of the run. */
    public record ApplyOptimization(
            @Size(min = 1, max = 100) List<@NotNull @Pattern(regexp = "[A-Z0-9-]{2,16}") String> depots,
            @Size(min = 1, max = 10000) List<@NotNull @Valid ApplyLine> lines) {
    }

    /** One recommendation to apply: the position by depot and sku. */
    public record ApplyLine(@NotNull @Pattern(regexp = "[A-Z0-9-]{2,16}") String depot,
            @NotBlank @Size(max = 40) String sku) {
    }

    /**
     * A run as shown to one caller; {@code depots} are the run's depots the caller sees. {@code summary} is there
     * once it has SUCCEEDED, {@code error} once it has FAILED.
     */
    public record OptimizationView(long id, String status, List<String> depots, int historyDays,
            BigDecimal progress, Summary summary, String errorCode, String error, Instant windowFrom,
            Instant windowTo, Instant createdAt, String createdBy, Instant startedAt, Instant finishedAt) {
        /** A run as one caller sees it, with its summary once it has results. */
        public static OptimizationView of(OptimizationService.Seen seen) {
            return of(seen.run(), seen.depots(),
                    seen.results() == null ? null : Summary.of(seen.run(), seen.results()));
        }

        public static OptimizationView of(Optimization run, List<String> visibleDepots, Summary summary) {
            return new OptimizationView(run.id(), run.status().name(), visibleDepots, run.historyDays(),
                    run.progress().stripTrailingZeros(), summary, run.errorCode(), run.error(), run.windowFrom(),
                    run.windowTo(), run.createdAt(), run.createdByName(), run.startedAt(), run.finishedAt());
        }
    }

    /** Holding costs before and after, over the depots the caller sees, and the plan's quality. */
    public record Summary(BigDecimal currentAnnualHoldingCost, BigDecimal recommendedAnnualHoldingCost,
            BigDecimal annualHoldingCostDelta, String planStatus, Double gap, Long solveMillis,
            List<DepotSummary> depots) {
        public static Summary of(Optimization run, List<DepotResult> depots) {
            BigDecimal current = depots.stream().map(DepotResult::currentAnnualHoldingCost)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal recommended = depots.stream().map(DepotResult::recommendedAnnualHoldingCost)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            return new Summary(Money.display(current), Money.display(recommended),
                    Money.display(recommended.subtract(current)), run.planStatus(), run.gap(), run.solveMillis(),
                    depots.stream().map(DepotSummary::of).toList());
        }
    }

    /** One depot's part of a run. */
    public record DepotSummary(String code, BigDecimal repairOrdersPerDay, BigDecimal maxPartsWaitHours,
            BigDecimal minFillRate, int positions, int positionsWithDemand, long currentStockUnits,
            long recommendedStockUnits, BigDecimal currentAnnualHoldingCost, BigDecimal recommendedAnnualHoldingCost,
            BigDecimal expectedBackorders, BigDecimal partsWaitHours, BigDecimal fillRate, Instant appliedAt,
            String appliedBy) {
        static DepotSummary of(DepotResult depot) {
            return new DepotSummary(depot.depot(), Money.display(depot.repairOrdersPerDay()),
                    Money.display(depot.maxPartsWaitHours()), Money.display(depot.minFillRate()), depot.positions(),
                    depot.positionsWithDemand(), depot.currentStockUnits(), depot.recommendedStockUnits(),
                    Money.display(depot.currentAnnualHoldingCost()),
                    Money.display(depot.recommendedAnnualHoldingCost()), Money.display(depot.expectedBackorders()),
                    Money.display(depot.partsWaitHours()), Money.display(depot.fillRate()), depot.appliedAt(),
                    depot.appliedByName());
        }
    }

    /** One position's recommendation; numbers to 4 decimals. */
    public record RecommendationView(String depot, String sku, BigDecimal demandPerDay,
            BigDecimal varianceToMeanRatio, int leadTimeDays, int currentTargetLevel, int recommendedTargetLevel,
            BigDecimal expectedBackorders, BigDecimal fillRate, BigDecimal annualHoldingCostDelta, String reason) {
        public static RecommendationView of(Recommendation row) {
            return new RecommendationView(row.depot(), row.sku(), Money.display(row.demandPerDay()),
                    Money.display(row.varianceToMeanRatio()), row.leadTimeDays(), row.currentTargetLevel(),
                    row.recommendedTargetLevel(), Money.display(row.expectedBackorders()),
                    Money.display(row.fillRate()), Money.display(row.annualHoldingCostDelta()), row.reason());
        }
    }
}
