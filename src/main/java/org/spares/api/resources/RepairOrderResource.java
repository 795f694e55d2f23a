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
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.spares.api.IdempotentPosts;
import org.spares.api.ListCsv;
import org.spares.api.Outcome;
import org.spares.api.Page;
import org.spares.api.openapi.ListPages;
import org.spares.api.Requests;
import org.spares.api.Sorts;
import org.spares.api.dto.RepairDtos.NewRepairOrder;
import org.spares.api.dto.RepairDtos.NewReservation;
import org.spares.api.dto.RepairDtos.RepairOrderView;
import org.spares.api.dto.RepairDtos.ReservationView;
import org.spares.domain.Caller;
import org.spares.domain.ListOrder;
import org.spares.domain.Priority;
import org.spares.domain.RepairOrder;
import org.spares.domain.RepairOrderStatus;
import org.spares.domain.Reservation;
import org.spares.service.RepairOrderService;
import org.spares.service.ReservationService;

/**
 * Repair orders of the caller's depots, and the reservations made for them. Orders of other depots are 404 (not
 * 403) so their ids do not leak.
 */
@Path("/api/v1/repair-orders")
@Tag(name = "Repair orders", description = "Repair orders and the parts reserved for them")
@Produces(MediaType.APPLICATION_JSON)
public class RepairOrderResource {
    private static final Sorts<RepairOrder> SORTS = Sorts.of(Map.of("openedAt", RepairOrder::openedAt));

    private final RepairOrderService orders;
    private final ReservationService reservations;
    private final IdempotentPosts posts;
    private final Clock clock;
    private final ListCsv csv;

    public RepairOrderResource(RepairOrderService orders, ReservationService reservations, IdempotentPosts posts,
            Clock clock, ListCsv csv) {
        this.csv = csv;
        this.orders = orders;
        this.reservations = reservations;
        this.posts = posts;
        this.clock = clock;
    }

    /** 201 OPEN; priority defaults to NORMAL, the target turnaround to the depot's. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN"})
    @Operation(operationId = "openRepairOrder", tags = "Repair orders",
            summary = "Open a repair order",
            responses = {
            @ApiResponse(responseCode = "201", description = "The order, OPEN",
                    content = @Content(schema = @Schema(implementation = RepairOrderView.class))),
            @ApiResponse(responseCode = "404", description = "NOT_FOUND: unknown depot")})
    public Response open(@Auth Caller caller, @HeaderParam("Idempotency-Key") String key, @Context UriInfo uri,
            @NotNull @Valid NewRepairOrder body) {
        Priority priority = body.priority() == null ? Priority.NORMAL : body.priority();
        return posts.answer(caller, key, uri, body,
                (RepairOrderService.Detail order) -> Outcome.created("/api/v1/repair-orders/" + order.order().id(),
                        view(order)),
                once -> orders.open(Requests.actor(caller), caller, body.depot(), body.assetTag().strip(),
                        Requests.blankToNull(body.description()), priority, body.targetTurnaroundHours(), once));
    }

    /**
     * Orders of the caller's depots, without their reservations, by id unless {@code sort} says otherwise (id,
     * openedAt; a leading - for descending); filtered by depot, status, priority and opened in [from, to). CSV
     * (every matching row) with {@code format=csv} or {@code Accept: text/csv}. 400 for a bad sort, filter or cursor;
     * 403 for a depot outside scope.
     */
    @GET
    @Produces({MediaType.APPLICATION_JSON, ListCsv.TEXT_CSV})
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN", "FINANCE"})
    @Operation(operationId = "listRepairOrders", tags = "Repair orders",
            summary = "List repair orders of the caller's depots",
            parameters = {
            @Parameter(name = "status", in = ParameterIn.QUERY, description = "Only this status",
                    schema = @Schema(implementation = RepairOrderStatus.class))},
            responses = {
            @ApiResponse(responseCode = "200", description = "A page of orders, without their reservations",
                    content = {@Content(mediaType = "application/json", schema = @Schema(implementation = ListPages.RepairOrderPage.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})})
    public Response list(@Auth Caller caller, @QueryParam("depot") String depot,
            @QueryParam("status") String status, @QueryParam("priority") String priority,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("sort") String sort,
            @QueryParam("format") String format, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor, @Context HttpHeaders headers) {
        int size = Page.limit(limit);
        ListOrder order = SORTS.order(sort, cursor);
        RepairOrderService.Filter filter = new RepairOrderService.Filter(Requests.depotFilter(caller, depot),
                Requests.enumValue("status", status, RepairOrderStatus.class),
                Requests.enumValue("priority", priority, Priority.class), Requests.instant("from", from),
                Requests.instant("to", to));
        Instant now = clock.instant();
        if (ListCsv.wanted(format, headers)) {
            return csv.list("repair-orders", RepairOrderView.class, row -> RepairOrderView.of(row, now, null), SORTS,
                    order, (start, batch) -> orders.page(caller, filter, start, batch), RepairOrder::id);
        }
        return Response.ok(SORTS.page(orders.page(caller, filter, order, size + 1), size, order, RepairOrder::id,
                row -> RepairOrderView.of(row, now, null)), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** One order with its reservations and {@code partsWaitHours}. */
    @GET
    @Path("/{id}")
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN", "FINANCE"})
    @Operation(operationId = "getRepairOrder", tags = "Repair orders",
            summary = "Read one repair order with its reservations",
            responses = {
            @ApiResponse(responseCode = "200", description = "The order", useReturnTypeSchema = true)})
    public RepairOrderView get(@Auth Caller caller, @PathParam("id") long id) {
        return view(orders.get(caller, id));
    }

    /** 200 COMPLETED; 409 ILLEGAL_STATE while a reservation is held or backordered, or when already closed. */
    @POST
    @Path("/{id}/complete")
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN"})
    @Operation(operationId = "completeRepairOrder", tags = "Repair orders",
            summary = "Complete a repair order",
            responses = {
            @ApiResponse(responseCode = "200", description = "The order, COMPLETED",
                    content = @Content(schema = @Schema(implementation = RepairOrderView.class))),
            @ApiResponse(responseCode = "409",
                    description = "ILLEGAL_STATE: a reservation is still held or backordered, or the order is closed")})
    public Response complete(@Auth Caller caller, @HeaderParam("Idempotency-Key") String key, @Context UriInfo uri,
            @PathParam("id") long id) {
        return posts.answer(caller, key, uri, "", this::ok,
                once -> orders.complete(Requests.actor(caller), caller, id, once));
    }

    /** 200 CANCELLED, every held or backordered reservation released; 409 ILLEGAL_STATE when already closed. */
    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN"})
    @Operation(operationId = "cancelRepairOrder", tags = "Repair orders",
            summary = "Cancel a repair order, releasing its reservations",
            responses = {
            @ApiResponse(responseCode = "200", description = "The order, CANCELLED",
                    content = @Content(schema = @Schema(implementation = RepairOrderView.class))),
            @ApiResponse(responseCode = "409", description = "ILLEGAL_STATE: the order is closed")})
    public Response cancel(@Auth Caller caller, @HeaderParam("Idempotency-Key") String key, @Context UriInfo uri,
            @PathParam("id") long id) {
        return posts.answer(caller, key, uri, "", this::ok,
                once -> orders.cancel(Requests.actor(caller), caller, id, once));
    }

    /**
     * All or nothing: 201 HELD; with too little available, 409 INSUFFICIENT_STOCK ({@code details.available}) or,
     * with {@code allowBackorder}, 201 BACKORDERED. 409 ILLEGAL_STATE for a closed order.
     */
    @POST
    @Path("/{id}/reservations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN"})
    @Operation(operationId = "reservePart", tags = "Repair orders",
            summary = "Reserve units of a part for a repair order",
            responses = {
            @ApiResponse(responseCode = "201",
                    description = "The reservation, HELD (or BACKORDERED with allowBackorder)",
                    content = @Content(schema = @Schema(implementation = ReservationView.class))),
            @ApiResponse(responseCode = "409",
                    description = "INSUFFICIENT_STOCK (details.available) or ILLEGAL_STATE for a closed order")})
    public Response reserve(@Auth Caller caller, @HeaderParam("Idempotency-Key") String key, @Context UriInfo uri,
            @PathParam("id") long id, @NotNull @Valid NewReservation body) {
        return posts.answer(caller, key, uri, body,
                (Reservation reservation) -> Outcome.created("/api/v1/reservations/" + reservation.id(),
                        ReservationView.of(reservation)),
                once -> reservations.reserve(Requests.actor(caller), caller, id, body.sku(), body.quantity(),
                        Boolean.TRUE.equals(body.allowBackorder()), once));
    }

    private Outcome ok(RepairOrderService.Detail order) {
        return Outcome.ok(view(order));
    }

    private RepairOrderView view(RepairOrderService.Detail order) {
        return RepairOrderView.of(order.order(), clock.instant(), order.reservations());
    }
}
