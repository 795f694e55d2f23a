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
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import org.spares.domain.Money;
import org.spares.domain.PlainText;
import org.spares.domain.Priority;
import org.spares.domain.RepairOrder;
import org.spares.domain.Reservation;

/** Wire shapes of repair orders and reservations. */
public final class RepairDtos {
    private RepairDtos() {
    }

    /** POST /repair-orders; the target turnaround defaults to the depot's. */
    @Schema(example = "{\"depot\": \"NYC\", \"assetTag\": \"TRUCK-12\", \"description\": \"leaking pump\", "
            + "\"priority\": \"HIGH\"}")
    public record NewRepairOrder(
            @NotBlank @Size(max = 16) String depot,
            @NotBlank @Size(max = 100) @PlainText String assetTag,
            @Size(max = 2000) @PlainText(multiline = true) String description,
            Priority priority,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("100000") @Digits(integer = 6, fraction = 2)
            BigDecimal targetTurnaroundHours) {
    }

    /** POST /repair-orders/{id}/reservations. */
    @Schema(example = "{\"sku\": \"PUMP-7\", \"quantity\": 2, \"allowBackorder\": false}")
    public record NewReservation(
            @NotBlank @Size(max = 40) String sku,
            @NotNull @Min(1) @Max(StockDtos.MAX_QUANTITY) Integer quantity,
            Boolean allowBackorder) {
    }

    /** A reservation as shown. */
    public record ReservationView(long id, long repairOrderId, String depot, String sku, int quantity, String status,
            Instant createdAt, Instant heldAt, Instant expiresAt, Instant backorderedAt, Instant issuedAt,
            Instant releasedAt, Instant expiredAt) {
        public static ReservationView of(Reservation reservation) {
            return new ReservationView(reservation.id(), reservation.repairOrderId(), reservation.depot(),
                    reservation.sku(), reservation.quantity(), reservation.status().name(), reservation.createdAt(),
                    reservation.heldAt(), reservation.expiresAt(), reservation.backorderedAt(),
                    reservation.issuedAt(), reservation.releasedAt(), reservation.expiredAt());
        }
    }

    /** A repair order as shown; {@code reservations} only on GET of one order. */
    public record RepairOrderView(long id, String depot, String assetTag, String description, Priority priority,
            String status, BigDecimal targetTurnaroundHours, Instant openedAt, Instant completedAt,
            Instant cancelledAt, BigDecimal partsWaitHours, List<ReservationView> reservations) {
        public static RepairOrderView of(RepairOrder order, Instant now, List<Reservation> reservations) {
            BigDecimal waited = BigDecimal.valueOf(order.partsWaitHours(now)).setScale(4, RoundingMode.HALF_UP);
            return new RepairOrderView(order.id(), order.depot(), order.assetTag(), order.description(),
                    order.priority(), order.status().name(), Money.display(order.targetTurnaroundHours()),
                    order.openedAt(), order.completedAt(), order.cancelledAt(), Money.display(waited),
                    reservations == null ? null : reservations.stream().map(ReservationView::of).toList());
        }
    }
}
