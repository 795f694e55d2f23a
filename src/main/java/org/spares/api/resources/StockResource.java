package org.spares.api.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.spares.api.Page;
import org.spares.api.Requests;
import org.spares.api.dto.StockDtos.PositionView;
import org.spares.domain.Caller;
import org.spares.domain.Position;
import org.spares.service.PositionService;

/** GET /stock: positions in the caller's depot scope. */
@Path("/api/v1/stock")
@Tag(name = "Stock", description = "Stock positions, their policy and forecast")
@Produces(MediaType.APPLICATION_JSON)
public class StockResource {
    private final PositionService positions;

    public StockResource(PositionService positions) {
        this.positions = positions;
    }

    /**
     * Positions, by id. {@code belowReorderPoint=true} keeps positions with a policy (target level above 0) whose
     * {@code available + inbound - backordered} is at or below the reorder point. 403 for a depot outside scope.
     */
    @GET
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN", "FINANCE"})
    @Operation(operationId = "listStock", tags = "Stock",
            summary = "List the stock positions in the caller's depots",
            parameters = {
            @Parameter(name = "sku", in = ParameterIn.QUERY, description = "Only this part"),
            @Parameter(name = "belowReorderPoint", in = ParameterIn.QUERY,
                    description = "Only positions whose available units are below the reorder point",
                    schema = @Schema(defaultValue = "false"))},
            responses = {
            @ApiResponse(responseCode = "200", description = "A page of positions", useReturnTypeSchema = true)})
    public Page<PositionView> list(@Auth Caller caller, @QueryParam("depot") String depot,
            @QueryParam("sku") String sku, @QueryParam("belowReorderPoint") Boolean below,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit);
        PositionService.Filter filter = new PositionService.Filter(Requests.depotCode(depot),
                Requests.blankToNull(sku), Boolean.TRUE.equals(below));
        return Page.of(positions.page(caller, filter, Page.after(cursor), size + 1), size, Position::id,
                PositionView::of);
    }
}
