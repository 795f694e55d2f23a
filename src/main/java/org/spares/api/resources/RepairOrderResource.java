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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import org.spares.api.IdempotentPosts;
import org.spares.api.Outcome;
import org.spares.api.Page;
import org.spares.api.Requests;
import org.spares.api.dto.RepairDtos.NewRepairOrder;
import org.spares.api.dto.RepairDtos.NewReservation;
import org.spares.api.dto.RepairDtos.RepairOrderView;
import org.spares.api.dto.RepairDtos.ReservationView;
import org.spares.domain.Caller;
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
    private final RepairOrderService orders;
    private final ReservationService reservations;
    private final IdempotentPosts posts;
    private final Clock clock;

    public RepairOrderResource(RepairOrderService orders, ReservationService reservations, IdempotentPosts posts,
            Clock clock) {
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

    /** Orders of the caller's depots by id, without their reservations. */
    @GET
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN", "FINANCE"})
    @Operation(operationId = "listRepairOrders", tags = "Repair orders",
            summary = "List repair orders of the caller's depots",
            parameters = {
            @Parameter(name = "status", in = ParameterIn.QUERY, description = "Only this status",
                    schema = @Schema(implementation = RepairOrderStatus.class))},
            responses = {
            @ApiResponse(responseCode = "200", description = "A page of orders, without their reservations",
                    useReturnTypeSchema = true)})
    public Page<RepairOrderView> list(@Auth Caller caller, @QueryParam("depot") String depot,
            @QueryParam("status") String status, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit);
        long after = Page.after(cursor);
        String depotCode = Requests.depotFilter(caller, depot);
        RepairOrderStatus wanted = Requests.enumValue("status", status, RepairOrderStatus.class);
        return Page.of(orders.page(caller, depotCode, wanted, after, size + 1), size,
                RepairOrder::id, order -> RepairOrderView.of(order, clock.instant(), null));
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
