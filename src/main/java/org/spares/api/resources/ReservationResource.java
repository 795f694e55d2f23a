package org.spares.api.resources;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
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
import org.spares.api.Page;
import org.spares.api.Requests;
import org.spares.api.Responses;
import org.spares.api.dto.RepairDtos.ReservationView;
import org.spares.auth.Caller;
import org.spares.db.ReservationDao;
import org.spares.domain.Reservation;
import org.spares.domain.ReservationStatus;
import org.spares.service.IdempotentPosts;
import org.spares.service.Outcome;
import org.spares.service.ReservationService;
import org.spares.service.Transactions;

/** Issue and release reservations; list them. Reservations of other depots are 404. */
@Path("/api/v1/reservations")
@Produces(MediaType.APPLICATION_JSON)
public class ReservationResource {
    private final ReservationService reservations;
    private final Transactions transactions;
    private final IdempotentPosts posts;

    public ReservationResource(ReservationService reservations, Transactions transactions, IdempotentPosts posts) {
        this.reservations = reservations;
        this.transactions = transactions;
        this.posts = posts;
    }

    /** 200 ISSUED: one ISSUE ledger row; on hand and reserved drop together. 409 ILLEGAL_STATE unless HELD. */
    @POST
    @Path("/{id}/issue")
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN"})
    public Response issue(@Auth Caller caller, @HeaderParam("Idempotency-Key") String key, @Context UriInfo uri,
            @PathParam("id") long id) {
        return Responses.of(posts.execute(caller, key, "POST", uri.getPath(), "", handle -> Outcome.ok(
                ReservationView.of(reservations.issue(handle, Requests.actor(caller), caller, id)))));
    }

    /** 200 RELEASED (from HELD or BACKORDERED); 409 ILLEGAL_STATE otherwise. */
    @POST
    @Path("/{id}/release")
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN"})
    public Response release(@Auth Caller caller, @HeaderParam("Idempotency-Key") String key, @Context UriInfo uri,
            @PathParam("id") long id) {
        return Responses.of(posts.execute(caller, key, "POST", uri.getPath(), "", handle -> Outcome.ok(
                ReservationView.of(reservations.release(handle, Requests.actor(caller), caller, id)))));
    }

    /** Reservations of the caller's depots by id. */
    @GET
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN", "FINANCE"})
    public Page<ReservationView> list(@Auth Caller caller, @QueryParam("depot") String depot,
            @QueryParam("status") String status, @QueryParam("repairOrderId") Long repairOrderId,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit);
        long after = Page.after(cursor);
        Requests.Scope scope = Requests.scope(caller, Requests.depotCode(depot));
        String statusName = Requests.enumName("status", status, ReservationStatus.class);
        return transactions.read(handle -> Page.of(handle.attach(ReservationDao.class).page(after, size + 1,
                Requests.depotCode(depot), statusName, repairOrderId, scope.allDepots(), scope.depots()), size,
                Reservation::id, ReservationView::of));
    }

    /** One reservation; 404 when unknown or outside the caller's depots. */
    @GET
    @Path("/{id}")
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN", "FINANCE"})
    public ReservationView get(@Auth Caller caller, @PathParam("id") long id) {
        return transactions.read(handle -> {
            ReservationService.visible(handle, caller, id);
            return ReservationView.of(ReservationService.get(handle, id));
        });
    }
}
