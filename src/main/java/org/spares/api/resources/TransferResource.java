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
import org.spares.api.dto.StockDtos.NewTransfer;
import org.spares.api.dto.StockDtos.TransferView;
import org.spares.domain.Caller;
import org.spares.domain.ListOrder;
import org.spares.domain.Transfer;
import org.spares.domain.TransferStatus;
import org.spares.service.TransferService;

/**
 * Transfers between depots. The source's manager requests and ships, the destination's receives, either cancels
 * before shipping. Illegal transitions are 409 ILLEGAL_STATE and change nothing.
 */
@Path("/api/v1/transfers")
@Tag(name = "Transfers", description = "Transfers of stock between depots")
@Produces(MediaType.APPLICATION_JSON)
public class TransferResource {
    private static final Sorts<Transfer> SORTS = Sorts.of(Map.of("requestedAt", Transfer::requestedAt,
            "quantity", Transfer::quantity));

    private final TransferService transfers;
    private final IdempotentPosts posts;
    private final ListCsv csv;

    public TransferResource(TransferService transfers, IdempotentPosts posts, ListCsv csv) {
        this.csv = csv;
        this.transfers = transfers;
        this.posts = posts;
    }

    /** 201 REQUESTED, the units reserved at the source; 409 INSUFFICIENT_STOCK with {@code details.available}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"ADMIN", "MANAGER"})
    @Operation(operationId = "requestTransfer", tags = "Transfers",
            summary = "Request a transfer, reserving the units at the source",
            responses = {
            @ApiResponse(responseCode = "201", description = "The transfer, REQUESTED",
                    content = @Content(schema = @Schema(implementation = TransferView.class))),
            @ApiResponse(responseCode = "404", description = "NOT_FOUND: unknown depot or sku"),
            @ApiResponse(responseCode = "409", description = "INSUFFICIENT_STOCK at the source (details.available)")})
    public Response request(@Auth Caller caller, @HeaderParam("Idempotency-Key") String key, @Context UriInfo uri,
            @NotNull @Valid NewTransfer body) {
        return posts.answer(caller, key, uri, body,
                (Transfer transfer) -> Outcome.created("/api/v1/transfers/" + transfer.id(),
                        TransferView.of(transfer)),
                once -> transfers.request(Requests.actor(caller), caller, body.fromDepot(), body.toDepot(),
                        body.sku(), body.quantity(), once));
    }

    /** 200 SHIPPED: TRANSFER_OUT at the source, inbound at the destination. */
    @POST
    @Path("/{id}/ship")
    @RolesAllowed({"ADMIN", "MANAGER"})
    @Operation(operationId = "shipTransfer", tags = "Transfers",
            summary = "Ship a requested transfer",
            responses = {
            @ApiResponse(responseCode = "200", description = "The transfer, SHIPPED",
                    content = @Content(schema = @Schema(implementation = TransferView.class))),
            @ApiResponse(responseCode = "409", description = "ILLEGAL_STATE: not REQUESTED")})
    public Response ship(@Auth Caller caller, @HeaderParam("Idempotency-Key") String key, @Context UriInfo uri,
            @PathParam("id") long id) {
        return posts.answer(caller, key, uri, "", TransferResource::ok,
                once -> transfers.ship(Requests.actor(caller), caller, id, once));
    }

    /** 200 RECEIVED: TRANSFER_IN at the destination. */
    @POST
    @Path("/{id}/receive")
    @RolesAllowed({"ADMIN", "MANAGER"})
    @Operation(operationId = "receiveTransfer", tags = "Transfers",
            summary = "Receive a shipped transfer at the destination",
            responses = {
            @ApiResponse(responseCode = "200", description = "The transfer, RECEIVED",
                    content = @Content(schema = @Schema(implementation = TransferView.class))),
            @ApiResponse(responseCode = "409", description = "ILLEGAL_STATE: not SHIPPED")})
    public Response receive(@Auth Caller caller, @HeaderParam("Idempotency-Key") String key, @Context UriInfo uri,
            @PathParam("id") long id) {
        return posts.answer(caller, key, uri, "", TransferResource::ok,
                once -> transfers.receive(Requests.actor(caller), caller, id, once));
    }

    /** 200 CANCELLED (only before shipping), the source's reservation released. */
    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({"ADMIN", "MANAGER"})
    @Operation(operationId = "cancelTransfer", tags = "Transfers",
            summary = "Cancel a transfer before it ships",
            responses = {
            @ApiResponse(responseCode = "200", description = "The transfer, CANCELLED",
                    content = @Content(schema = @Schema(implementation = TransferView.class))),
            @ApiResponse(responseCode = "409", description = "ILLEGAL_STATE: already shipped or closed")})
    public Response cancel(@Auth Caller caller, @HeaderParam("Idempotency-Key") String key, @Context UriInfo uri,
            @PathParam("id") long id) {
        return posts.answer(caller, key, uri, "", TransferResource::ok,
                once -> transfers.cancel(Requests.actor(caller), caller, id, once));
    }

    /**
     * Transfers touching the caller's depots, by id unless {@code sort} says otherwise (id, requestedAt, quantity; a
     * leading - for descending); {@code depot} matches either end, {@code fromDepot} and {@code toDepot} one end.
     * CSV (every matching row) with {@code format=csv} or {@code Accept: text/csv}. 400 for a bad sort, filter or
     * cursor; 403 for a {@code depot} outside scope.
     */
    @GET
    @Produces({MediaType.APPLICATION_JSON, ListCsv.TEXT_CSV})
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN", "FINANCE"})
    @Operation(operationId = "listTransfers", tags = "Transfers",
            summary = "List transfers touching the caller's depots",
            parameters = {
            @Parameter(name = "status", in = ParameterIn.QUERY, description = "Only this status",
                    schema = @Schema(implementation = TransferStatus.class))},
            responses = {
            @ApiResponse(responseCode = "200", description = "A page of transfers", content = {@Content(mediaType = "application/json", schema = @Schema(implementation = ListPages.TransferPage.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})})
    public Response list(@Auth Caller caller, @QueryParam("depot") String depot,
            @QueryParam("status") String status, @QueryParam("fromDepot") String fromDepot,
            @QueryParam("toDepot") String toDepot, @QueryParam("sku") String sku, @QueryParam("sort") String sort,
            @QueryParam("format") String format, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor, @Context HttpHeaders headers) {
        int size = Page.limit(limit);
        ListOrder order = SORTS.order(sort, cursor);
        TransferService.Filter filter = new TransferService.Filter(Requests.depotFilter(caller, depot),
                Requests.enumValue("status", status, TransferStatus.class), Requests.depotCode(fromDepot),
                Requests.depotCode(toDepot), Requests.blankToNull(sku));
        if (ListCsv.wanted(format, headers)) {
            return csv.list("transfers", TransferView.class, TransferView::of, SORTS, order,
                    (start, batch) -> transfers.page(caller, filter, start, batch), Transfer::id);
        }
        return Response.ok(SORTS.page(transfers.page(caller, filter, order, size + 1), size, order, Transfer::id,
                TransferView::of), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** One transfer; 404 when unknown or when neither end is in the caller's depots. */
    @GET
    @Path("/{id}")
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN", "FINANCE"})
    @Operation(operationId = "getTransfer", tags = "Transfers",
            summary = "Read one transfer",
            responses = {
            @ApiResponse(responseCode = "200", description = "The transfer", useReturnTypeSchema = true)})
    public TransferView get(@Auth Caller caller, @PathParam("id") long id) {
        return TransferView.of(transfers.get(caller, id));
    }

    private static Outcome ok(Transfer transfer) {
        return Outcome.ok(TransferView.of(transfer));
    }
}
