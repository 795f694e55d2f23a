package org.spares.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.spares.domain.Money;
import org.spares.domain.Part;
import org.spares.domain.PlainText;

/** Wire shapes of /parts. */
public final class PartDtos {
    public static final String SKU_PATTERN = "[A-Za-z0-9._-]{1,40}";

    private PartDtos() {
    }

    /** POST /parts. {@code holdingRate} defaults to the configured rate (0.25). */
    @Schema(example = "{\"sku\": \"PUMP-7\", \"name\": \"Hydraulic pump\", \"category\": \"hydraulics\", "
            + "\"unitCost\": 120.50, \"leadTimeDays\": 14}")
    public record NewPart(
            @NotNull @Pattern(regexp = SKU_PATTERN) String sku,
            @NotBlank @Size(max = 200) @PlainText String name,
            @NotBlank @Size(max = 100) @PlainText String category,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000000") @Digits(integer = 12, fraction = 4)
            BigDecimal unitCost,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("10") @Digits(integer = 2, fraction = 4)
            BigDecimal holdingRate,
            @NotNull @Min(1) @Max(3650) Integer leadTimeDays) {
    }

    /** A part as shown. */
    public record PartView(String sku, String name, String category, BigDecimal unitCost, BigDecimal holdingRate,
            int leadTimeDays, BigDecimal averageUnitCost, Instant createdAt, Instant updatedAt) {
        public static PartView of(Part part) {
            return new PartView(part.sku(), part.name(), part.category(), Money.display(part.unitCost()),
                    Money.display(part.holdingRate()), part.leadTimeDays(), Money.display(part.averageUnitCost()),
                    part.createdAt(), part.updatedAt());
        }
    }

    /** The answer to a CSV import. */
    public record ImportResult(int rows, int created, int updated) {
    }

    /** One bad row of an import. */
    public record RowError(int line, String field, String message) {
    }

    /** Holds the bad rows for the error details. */
    public record RowErrors(List<RowError> rows) {
    }

    /**
     * The body of PATCH /parts/{sku} as clients see it: any of these fields, merged into the part (the resource
     * merges the JSON itself and validates the result as a {@link NewPart}).
     */
    public record PartPatch(String name, String category, BigDecimal unitCost, BigDecimal holdingRate,
            Integer leadTimeDays) {
    }
}
