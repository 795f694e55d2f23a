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
import org.spares.api.dto.RepairDtos.ReservationView;
import org.spares.domain.Caller;
import org.spares.domain.ListOrder;
import org.spares.domain.Reservation;
import org.spares.domain.ReservationStatus;
import org.spares.service.ReservationService;

/** Issue and release reservations; list them. Reservations of other depots are 404. */
@Path("/api/v1/reservations")
@Tag(name = "Reservations", description = "Reservations: issue, release, read")
@Produces(MediaType.APPLICATION_JSON)
public class ReservationResource {
    private static final Sorts<Reservation> SORTS = Sorts.of(Map.of("createdAt", Reservation::createdAt,
            "quantity", Reservation::quantity));

    private final ReservationService reservations;
    private final IdempotentPosts posts;
    private final ListCsv csv;

    public ReservationResource(ReservationService reservations, IdempotentPosts posts, ListCsv csv) {
        this.csv = csv;
        this.reservations = reservations;
        this.posts = posts;
    }

    /** 200 ISSUED: one ISSUE ledger row; on hand and reserved drop together. 409 ILLEGAL_STATE unless HELD. */
    @POST
    @Path("/{id}/issue")
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN"})
    @Operation(operationId = "issueReservation", tags = "Reservations",
            summary = "Issue a held reservation: the units leave the shelf",
            responses = {
            @ApiResponse(responseCode = "200", description = "The reservation, ISSUED",
                    content = @Content(schema = @Schema(implementation = ReservationView.class))),
            @ApiResponse(responseCode = "409", description = "ILLEGAL_STATE: the reservation is not HELD")})
    public Response issue(@Auth Caller caller, @HeaderParam("Idempotency-Key") String key, @Context UriInfo uri,
            @PathParam("id") long id) {
        return posts.answer(caller, key, uri, "", ReservationResource::ok,
                once -> reservations.issue(Requests.actor(caller), caller, id, once));
    }

    /** 200 RELEASED (from HELD or BACKORDERED); 409 ILLEGAL_STATE otherwise. */
    @POST
    @Path("/{id}/release")
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN"})
    @Operation(operationId = "releaseReservation", tags = "Reservations",
            summary = "Release a held or backordered reservation",
            responses = {
            @ApiResponse(responseCode = "200", description = "The reservation, RELEASED",
                    content = @Content(schema = @Schema(implementation = ReservationView.class))),
            @ApiResponse(responseCode = "409",
                    description = "ILLEGAL_STATE: the reservation is neither HELD nor BACKORDERED")})
    public Response release(@Auth Caller caller, @HeaderParam("Idempotency-Key") String key, @Context UriInfo uri,
            @PathParam("id") long id) {
        return posts.answer(caller, key, uri, "", ReservationResource::ok,
                once -> reservations.release(Requests.actor(caller), caller, id, once));
    }

    /**
     * Reservations of the caller's depots, by id unless {@code sort} says otherwise (id, createdAt, quantity; a
     * leading - for descending), filtered by depot, status, repair order and sku. CSV (every matching row) with
     * {@code format=csv} or {@code Accept: text/csv}. 400 for a bad sort, filter or cursor; 403 for a depot outside
     * scope.
     */
    @GET
    @Produces({MediaType.APPLICATION_JSON, ListCsv.TEXT_CSV})
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN", "FINANCE"})
    @Operation(operationId = "listReservations", tags = "Reservations",
            summary = "List reservations of the caller's depots",
            parameters = {
            @Parameter(name = "status", in = ParameterIn.QUERY, description = "Only this status",
                    schema = @Schema(implementation = ReservationStatus.class)),
            @Parameter(name = "repairOrderId", in = ParameterIn.QUERY,
                    description = "Only reservations of this repair order")},
            responses = {
            @ApiResponse(responseCode = "200", description = "A page of reservations", content = {@Content(mediaType = "application/json", schema = @Schema(implementation = ListPages.ReservationPage.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})})
    public Response list(@Auth Caller caller, @QueryParam("depot") String depot,
            @QueryParam("status") String status, @QueryParam("repairOrderId") Long repairOrderId,
            @QueryParam("sku") String sku, @QueryParam("sort") String sort, @QueryParam("format") String format,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor, @Context HttpHeaders headers) {
        int size = Page.limit(limit);
        ListOrder order = SORTS.order(sort, cursor);
        ReservationService.Filter filter = new ReservationService.Filter(Requests.depotFilter(caller, depot),
                Requests.enumValue("status", status, ReservationStatus.class), repairOrderId,
                Requests.blankToNull(sku));
        if (ListCsv.wanted(format, headers)) {
            return csv.list("reservations", ReservationView.class, ReservationView::of, SORTS, order,
                    (start, batch) -> reservations.page(caller, filter, start, batch), Reservation::id);
        }
        return Response.ok(SORTS.page(reservations.page(caller, filter, order, size + 1), size, order,
                Reservation::id, ReservationView::of), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** One reservation; 404 when unknown or outside the caller's depots. */
    @GET
    @Path("/{id}")
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN", "FINANCE"})
    @Operation(operationId = "getReservation", tags = "Reservations",
            summary = "Read one reservation",
            responses = {
            @ApiResponse(responseCode = "200", description = "The reservation", useReturnTypeSchema = true)})
    public ReservationView get(@Auth Caller caller, @PathParam("id") long id) {
        return ReservationView.of(reservations.get(caller, id));
    }

    private static Outcome ok(Reservation reservation) {
        return Outcome.ok(ReservationView.of(reservation));
    }
}
