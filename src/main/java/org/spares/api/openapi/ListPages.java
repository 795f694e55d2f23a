package org.spares.api.openapi;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.spares.api.dto.RepairDtos.RepairOrderView;
import org.spares.api.dto.RepairDtos.ReservationView;
import org.spares.api.dto.StockDtos.MovementView;
import org.spares.api.dto.StockDtos.PositionView;
import org.spares.api.dto.StockDtos.TransferView;

/**
 * Schema-only pages of the lists that answer a {@code Response} (JSON or CSV), so the description cannot read their
 * JSON shape off the return type; named as swagger names the {@code Page<T>} of the other lists.
 */
public final class ListPages {
    private ListPages() {
    }

    @Schema(name = "PagePositionView")
    public record PositionPage(List<PositionView> items, String nextCursor) {
    }

    @Schema(name = "PageMovementView")
    public record MovementPage(List<MovementView> items, String nextCursor) {
    }

    @Schema(name = "PageTransferView")
    public record TransferPage(List<TransferView> items, String nextCursor) {
    }

    @Schema(name = "PageRepairOrderView")
    public record RepairOrderPage(List<RepairOrderView> items, String nextCursor) {
    }

    @Schema(name = "PageReservationView")
    public record ReservationPage(List<ReservationView> items, String nextCursor) {
    }
}
