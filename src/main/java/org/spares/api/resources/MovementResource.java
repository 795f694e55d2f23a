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
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.spares.api.IdempotentPosts;
import org.spares.api.ListCsv;
import org.spares.api.Outcome;
import org.spares.api.Page;
import org.spares.api.openapi.ListPages;
import org.spares.api.Requests;
import org.spares.api.Sorts;
import org.spares.api.dto.StockDtos.MovementView;
import org.spares.api.dto.StockDtos.NewMovement;
import org.spares.domain.Caller;
import org.spares.domain.ListOrder;
import org.spares.domain.Movement;
import org.spares.domain.MovementType;
import org.spares.service.MovementService;

/** The ledger: managers post receipts, adjustments and scrap; reading roles list the rows of their depots. */
@Path("/api/v1/movements")
@Tag(name = "Movements", description = "The stock ledger")
@Produces(MediaType.APPLICATION_JSON)
public class MovementResource {
    private static final Sorts<Movement> SORTS = Sorts.of(Map.of("at", Movement::at, "quantity",
            Movement::quantity));

    private final MovementService movements;
    private final IdempotentPosts posts;
    private final ListCsv csv;

    public MovementResource(MovementService movements, IdempotentPosts posts, ListCsv csv) {
        this.movements = movements;
        this.posts = posts;
        this.csv = csv;
    }

    /**
     * 201 with the ledger row. 409 INSUFFICIENT_STOCK when an adjustment or scrap would take on hand below the
     * reserved units; 404 for an unknown depot or sku; 403 outside the caller's depots.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"ADMIN", "MANAGER"})
    @Operation(operationId = "postMovement", tags = "Movements",
            summary = "Post a receipt, adjustment or scrap to the ledger",
            responses = {
            @ApiResponse(responseCode = "201", description = "The ledger row",
                    content = @Content(schema = @Schema(implementation = MovementView.class))),
            @ApiResponse(responseCode = "404", description = "NOT_FOUND: unknown depot or sku"),
            @ApiResponse(responseCode = "409",
                    description = "INSUFFICIENT_STOCK: on hand would fall below the reserved units "
                    + "(details.available)")})
    public Response post(@Auth Caller caller, @HeaderParam("Idempotency-Key") String key, @Context UriInfo uri,
            @NotNull @Valid NewMovement body) {
        MovementService.NewMovement request = new MovementService.NewMovement(body.type(), body.depot(), body.sku(),
                body.quantity(), body.unitCost(), Requests.blankToNull(body.reason()),
                Requests.blankToNull(body.reference()));
        return posts.answer(caller, key, uri, body,
                (Movement movement) -> Outcome.created("/api/v1/movements/" + movement.id(),
                        MovementView.of(movement)),
                once -> movements.post(Requests.actor(caller), caller, request, once));
    }

    /**
     * Ledger rows by id (the order they were written) unless {@code sort} says otherwise (id, at, quantity; a
     * leading - for descending), filtered; {@code from} inclusive, {@code to} exclusive. CSV (every matching row)
     * with {@code format=csv} or {@code Accept: text/csv}. 400 for a bad sort, filter or cursor; 403 for a depot
     * outside scope.
     */
    @GET
    @Produces({MediaType.APPLICATION_JSON, ListCsv.TEXT_CSV})
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN", "FINANCE"})
    @Operation(operationId = "listMovements", tags = "Movements",
            summary = "List ledger rows in the order they were written",
            parameters = {
            @Parameter(name = "type", in = ParameterIn.QUERY, description = "Only this movement type",
                    schema = @Schema(implementation = MovementType.class)),
            @Parameter(name = "sku", in = ParameterIn.QUERY, description = "Only this part")},
            responses = {
            @ApiResponse(responseCode = "200", description = "A page of ledger rows", content = {@Content(mediaType = "application/json", schema = @Schema(implementation = ListPages.MovementPage.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})})
    public Response list(@Auth Caller caller, @QueryParam("depot") String depot,
            @QueryParam("sku") String sku, @QueryParam("type") String type, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("sort") String sort, @QueryParam("format") String format,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor, @Context HttpHeaders headers) {
        int size = Page.limit(limit);
        ListOrder order = SORTS.order(sort, cursor);
        MovementService.Filter filter = new MovementService.Filter(Requests.depotFilter(caller, depot),
                Requests.blankToNull(sku), Requests.enumValue("type", type, MovementType.class),
                Requests.instant("from", from), Requests.instant("to", to));
        if (ListCsv.wanted(format, headers)) {
            return csv.list("movements", MovementView.class, MovementView::of, SORTS, order,
                    (start, batch) -> movements.page(caller, filter, start, batch), Movement::id);
        }
        return Response.ok(SORTS.page(movements.page(caller, filter, order, size + 1), size, order, Movement::id,
                MovementView::of), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** One ledger row; 404 when unknown or outside the caller's depots. */
    @GET
    @Path("/{id}")
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN", "FINANCE"})
    @Operation(operationId = "getMovement", tags = "Movements",
            summary = "Read one ledger row",
            responses = {
            @ApiResponse(responseCode = "200", description = "The ledger row", useReturnTypeSchema = true)})
    public MovementView get(@Auth Caller caller, @PathParam("id") long id) {
        return MovementView.of(movements.get(caller, id));
    }
}
