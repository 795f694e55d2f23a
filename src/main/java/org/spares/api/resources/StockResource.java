package org.spares.api.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.spares.api.ListCsv;
import org.spares.api.Page;
import org.spares.api.openapi.ListPages;
import org.spares.api.Requests;
import org.spares.api.Sorts;
import org.spares.api.dto.StockDtos.PositionView;
import org.spares.domain.Caller;
import org.spares.domain.ListOrder;
import org.spares.domain.Position;
import org.spares.service.PositionService;

/** GET /stock: positions in the caller's depot scope. */
@Path("/api/v1/stock")
@Tag(name = "Stock", description = "Stock positions, their policy and forecast")
@Produces(MediaType.APPLICATION_JSON)
public class StockResource {
    private static final Sorts<Position> SORTS = Sorts.of(Map.of("depot", Position::depot, "sku", Position::sku,
            "onHand", Position::onHand));

    private final PositionService positions;
    private final ListCsv csv;

    public StockResource(PositionService positions, ListCsv csv) {
        this.positions = positions;
        this.csv = csv;
    }

    /**
     * Positions, by id unless {@code sort} says otherwise (id, depot, sku, onHand; a leading - for descending);
     * {@code q} keeps parts whose sku or name contains it.
     * {@code belowReorderPoint=true} keeps positions with a policy (target level above 0) whose
     * {@code available + inbound - backordered} is at or below the reorder point. CSV (every matching row) with
     * {@code format=csv} or {@code Accept: text/csv}. 400 for a bad sort, filter or cursor; 403 for a depot outside
     * scope.
     */
    @GET
    @Produces({MediaType.APPLICATION_JSON, ListCsv.TEXT_CSV})
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN", "FINANCE"})
    @Operation(operationId = "listStock", tags = "Stock",
            summary = "List the stock positions in the caller's depots",
            parameters = {
            @Parameter(name = "sku", in = ParameterIn.QUERY, description = "Only this part"),
            @Parameter(name = "q", in = ParameterIn.QUERY,
                    description = "Only parts whose sku or name contains this text (case as the database compares)"),
            @Parameter(name = "belowReorderPoint", in = ParameterIn.QUERY,
                    description = "Only positions whose available units are below the reorder point",
                    schema = @Schema(defaultValue = "false"))},
            responses = {
            @ApiResponse(responseCode = "200", description = "A page of positions", content = {@Content(mediaType = "application/json", schema = @Schema(implementation = ListPages.PositionPage.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})})
    public Response list(@Auth Caller caller, @QueryParam("depot") String depot,
            @QueryParam("sku") String sku, @QueryParam("q") String query,
            @QueryParam("belowReorderPoint") Boolean below,
            @QueryParam("sort") String sort, @QueryParam("format") String format,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor, @Context HttpHeaders headers) {
        int size = Page.limit(limit);
        ListOrder order = SORTS.order(sort, cursor);
        PositionService.Filter filter = new PositionService.Filter(Requests.depotCode(depot),
                Requests.blankToNull(sku), Boolean.TRUE.equals(below), Requests.containing(query));
        if (ListCsv.wanted(format, headers)) {
            return csv.list("stock", PositionView.class, PositionView::of, SORTS, order,
                    (from, batch) -> positions.page(caller, filter, from, batch), Position::id);
        }
        return Response.ok(SORTS.page(positions.page(caller, filter, order, size + 1), size, order, Position::id,
                PositionView::of), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
