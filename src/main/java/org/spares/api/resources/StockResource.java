package org.spares.api.resources;

import io.dropwizard.auth.Auth;
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
import org.spares.api.Requests;
import org.spares.api.Sorts;
import org.spares.api.dto.StockDtos.PositionView;
import org.spares.domain.Caller;
import org.spares.domain.ListOrder;
import org.spares.domain.Position;
import org.spares.service.PositionService;

/** GET /stock: positions in the caller's depot scope. */
@Path("/api/v1/stock")
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
     * Positions, by id unless {@code sort} says otherwise (id, depot, sku, onHand; a leading - for descending).
     * {@code belowReorderPoint=true} keeps positions with a policy (target level above 0) whose
     * {@code available + inbound - backordered} is at or below the reorder point. CSV (every matching row) with
     * {@code format=csv} or {@code Accept: text/csv}. 400 for a bad sort, filter or cursor; 403 for a depot outside
     * scope.
     */
    @GET
    @Produces({MediaType.APPLICATION_JSON, ListCsv.TEXT_CSV})
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN", "FINANCE"})
    public Response list(@Auth Caller caller, @QueryParam("depot") String depot,
            @QueryParam("sku") String sku, @QueryParam("belowReorderPoint") Boolean below,
            @QueryParam("sort") String sort, @QueryParam("format") String format,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor, @Context HttpHeaders headers) {
        int size = Page.limit(limit);
        ListOrder order = SORTS.order(sort, cursor);
        PositionService.Filter filter = new PositionService.Filter(Requests.depotCode(depot),
                Requests.blankToNull(sku), Boolean.TRUE.equals(below));
        if (ListCsv.wanted(format, headers)) {
            return csv.list("stock", PositionView.class, PositionView::of, SORTS, order,
                    (from, batch) -> positions.page(caller, filter, from, batch), Position::id);
        }
        return Response.ok(SORTS.page(positions.page(caller, filter, order, size + 1), size, order, Position::id,
                PositionView::of), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
