package org.spares.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import org.spares.domain.Depot;
import org.spares.domain.Money;
import org.spares.domain.PlainText;

/** Wire shapes of /depots. */
public final class DepotDtos {
    private DepotDtos() {
    }

    /** POST /depots. */
    @Schema(example = "{\"code\": \"NYC\", \"name\": \"New York\", \"targetTurnaroundHours\": 48, "
            + "\"meanRepairHours\": 8, \"minFillRate\": 0.95}")
    public record NewDepot(
            @NotNull @Pattern(regexp = "[A-Z0-9-]{2,16}") String code,
            @NotBlank @Size(max = 200) @PlainText String name,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100000") @Digits(integer = 6, fraction = 2)
            BigDecimal targetTurnaroundHours,
            @NotNull @DecimalMin("0") @DecimalMax("100000") @Digits(integer = 6, fraction = 2) BigDecimal meanRepairHours,
            @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) @Digits(integer = 1, fraction = 6)
            BigDecimal minFillRate) {
    }

    /** A depot as shown. */
    public record DepotView(String code, String name, BigDecimal targetTurnaroundHours, BigDecimal meanRepairHours,
            BigDecimal minFillRate, BigDecimal maxPartsWaitHours, Instant createdAt, Instant updatedAt) {
        public static DepotView of(Depot depot) {
            return new DepotView(depot.code(), depot.name(), Money.display(depot.targetTurnaroundHours()),
                    Money.display(depot.meanRepairHours()), depot.minFillRate() == null ? null
                            : depot.minFillRate().stripTrailingZeros(),
                    Money.display(depot.maxPartsWaitHours()), depot.createdAt(), depot.updatedAt());
        }
    }

    /**
     * The body of PATCH /depots/{code} as clients see it: any of these fields, merged into the depot (the resource
     * merges the JSON itself and validates the result as a {@link NewDepot}); a MANAGER may send only the targets.
     */
    public record DepotPatch(String name, BigDecimal targetTurnaroundHours, BigDecimal meanRepairHours,
            BigDecimal minFillRate) {
    }
}
