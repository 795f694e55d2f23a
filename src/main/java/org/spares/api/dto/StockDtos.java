package org.spares.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import org.spares.domain.Money;
import org.spares.domain.Movement;
import org.spares.domain.MovementType;
import org.spares.domain.PlainText;
import org.spares.domain.PolicyChange;
import org.spares.domain.Position;
import org.spares.domain.Transfer;

/** Wire shapes of stock, ledger, transfers and policy. */
public final class StockDtos {
    /** The largest quantity one request may move; far above any real count, far below integer overflow. */
    public static final int MAX_QUANTITY = 1_000_000;

    private StockDtos() {
    }

    /** A position as shown. */
    public record PositionView(String depot, String sku, int onHand, int reserved, int available, int inbound,
            int backordered, int targetLevel, int reorderPoint, BigDecimal averageUnitCost) {
        public static PositionView of(Position position) {
            return new PositionView(position.depot(), position.sku(), position.onHand(), position.reserved(),
                    position.available(), position.inbound(), position.backordered(), position.targetLevel(),
                    position.reorderPoint(), Money.display(position.averageUnitCost()));
        }
    }

    /** POST /movements. */
    @Schema(example = "{\"type\": \"RECEIPT\", \"depot\": \"NYC\", \"sku\": \"PUMP-7\", \"quantity\": 10, "
            + "\"unitCost\": 120.50, \"reference\": \"PO-1001\"}")
    public record NewMovement(
            @Schema(description = "Only these three are posted; ISSUE and TRANSFER_* come from reservations and"
                    + " transfers",
                    implementation = String.class, allowableValues = {"RECEIPT", "ADJUSTMENT", "SCRAP"},
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @NotNull MovementType type,
            @NotBlank @Size(max = 16) String depot,
            @NotBlank @Size(max = 40) String sku,
            @NotNull @Min(-MAX_QUANTITY) @Max(MAX_QUANTITY) Integer quantity,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000000") @Digits(integer = 12, fraction = 4)
            BigDecimal unitCost,
            @Size(max = 500) @PlainText String reason,
            @Size(max = 100) @PlainText String reference) {
    }

    /** A ledger row as shown; {@code quantity} is signed. */
    public record MovementView(long id, Instant at, MovementType type, String depot, String sku, int quantity,
            BigDecimal unitCost, BigDecimal averageUnitCostAfter, int onHandAfter, String actor, long actorId,
            String requestId, String reference, String reason, Long transferId, Long reservationId) {
        public static MovementView of(Movement movement) {
            return new MovementView(movement.id(), movement.at(), movement.type(), movement.depot(), movement.sku(),
                    movement.quantity(), Money.display(movement.unitCost()),
                    Money.display(movement.averageUnitCostAfter()), movement.onHandAfter(), movement.actor(),
                    movement.actorId(), movement.requestId(), movement.reference(), movement.reason(),
                    movement.transferId(), movement.reservationId());
        }
    }

    /** POST /transfers. */
    @Schema(example = "{\"fromDepot\": \"NYC\", \"toDepot\": \"BOS\", \"sku\": \"PUMP-7\", \"quantity\": 2}")
    public record NewTransfer(
            @NotBlank @Size(max = 16) String fromDepot,
            @NotBlank @Size(max = 16) String toDepot,
            @NotBlank @Size(max = 40) String sku,
            @NotNull @Min(1) @Max(MAX_QUANTITY) Integer quantity) {
    }

    /** A transfer as shown. */
    public record TransferView(long id, String fromDepot, String toDepot, String sku, int quantity, String status,
            Instant requestedAt, Instant shippedAt, Instant receivedAt, Instant cancelledAt) {
        public static TransferView of(Transfer transfer) {
            return new TransferView(transfer.id(), transfer.fromDepot(), transfer.toDepot(), transfer.sku(),
                    transfer.quantity(), transfer.status().name(), transfer.requestedAt(), transfer.shippedAt(),
                    transfer.receivedAt(), transfer.cancelledAt());
        }
    }

    /** PUT .../policy. */
    @Schema(example = "{\"targetLevel\": 8, \"reorderPoint\": 3, \"reason\": \"seasonal peak\"}")
    public record NewPolicy(
            @NotNull @Min(0) @Max(MAX_QUANTITY) Integer targetLevel,
            @NotNull @Min(0) @Max(MAX_QUANTITY) Integer reorderPoint,
            @NotBlank @Size(max = 500) @PlainText String reason) {
    }

    /** A policy-history row as shown. */
    public record PolicyChangeView(long id, Instant at, String actor, long actorId, int oldTargetLevel,
            int newTargetLevel, int oldReorderPoint, int newReorderPoint, String reason, String source,
            Long optimizationId) {
        public static PolicyChangeView of(PolicyChange change) {
            return new PolicyChangeView(change.id(), change.at(), change.actor(), change.actorId(),
                    change.oldTargetLevel(), change.newTargetLevel(), change.oldReorderPoint(),
                    change.newReorderPoint(), change.reason(), change.source().name(), change.optimizationId());
        }
    }
}
