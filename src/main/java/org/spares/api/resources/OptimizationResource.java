package org.spares.api.resources;

import io.dropwizard.auth.Auth;
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
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.spares.api.Page;
import org.spares.api.Requests;
import org.spares.api.Responses;
import org.spares.api.dto.OptimizationDtos.ApplyOptimization;
import org.spares.api.dto.OptimizationDtos.NewOptimization;
import org.spares.api.dto.OptimizationDtos.OptimizationView;
import org.spares.api.dto.OptimizationDtos.RecommendationView;
import org.spares.api.dto.OptimizationDtos.Summary;
import org.spares.auth.Caller;
import org.spares.db.OptimizationDao;
import org.spares.db.RecommendationDao;
import org.spares.domain.Optimization;
import org.spares.domain.OptimizationStatus;
import org.spares.jobs.OptimizationJob;
import org.spares.optimize.OptimizeRequest;
import org.spares.service.IdempotentPosts;
import org.spares.service.OptimizationRunner;
import org.spares.service.OptimizationService;
import org.spares.service.Outcome;
import org.spares.service.Transactions;

/**
 * Optimization runs built from the database (OPTIMIZER.md "From the database"): created QUEUED and solved in the
 * background, listed, polled, replayed from their stored model, cancelled, applied. A run is visible to callers who
 * see at least one of its depots (others get 404), and shows only those depots, in its model too; cancelling needs
 * all of them, applying the ones applied.
 */
@Path("/api/v1/optimizations")
@Produces(MediaType.APPLICATION_JSON)
public class OptimizationResource {
    private final OptimizationService optimizations;
    private final OptimizationRunner runner;
    private final OptimizationJob job;
    private final Transactions transactions;
    private final IdempotentPosts posts;

    public OptimizationResource(OptimizationService optimizations, OptimizationRunner runner, OptimizationJob job,
            Transactions transactions, IdempotentPosts posts) {
        this.optimizations = optimizations;
        this.runner = runner;
        this.job = job;
        this.transactions = transactions;
        this.posts = posts;
    }

    /**
     * 202 QUEUED with a Location to poll; 403 for a depot outside the caller's; 404 for an unknown depot; 409
     * CONFLICT when one of the depots already has a run queued or running.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"ADMIN", "MANAGER"})
    public Response create(@Auth Caller caller, @HeaderParam("Idempotency-Key") String key, @Context UriInfo uri,
            @NotNull @Valid NewOptimization body) {
        caller.requireDepots(body.depots());
        AtomicLong created = new AtomicLong();
        Response response = Responses.of(posts.execute(caller, key, "POST", uri.getPath(), body, handle -> {
            Optimization run = optimizations.create(handle, Requests.actor(caller), body.depots(), body.days());
            created.set(run.id());
            return Outcome.accepted("/api/v1/optimizations/" + run.id(), view(handle, caller, run));
        }));
        // Only a first call creates (a replay runs no work), and only after its transaction has committed.
        if (created.get() != 0) {
            job.submit(created.get());
        }
        return response;
    }

    /**
     * The runs the caller sees (at least one of their depots), newest first; {@code depot} (403 outside the
     * caller's depots) and {@code status} filter.
     */
    @GET
    @RolesAllowed({"ADMIN", "MANAGER", "FINANCE"})
    public Page<OptimizationView> list(@Auth Caller caller, @QueryParam("depot") String depot,
            @QueryParam("status") String status, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit);
        long before = Page.before(cursor);
        String filter = Requests.depotCode(depot);
        String statusName = Requests.enumName("status", status, OptimizationStatus.class);
        Requests.Scope scope = Requests.scope(caller, filter);
        return transactions.read(handle -> Page.of(handle.attach(OptimizationDao.class).page(before, size + 1,
                statusName, filter, scope.allDepots(), scope.depots()), size, OptimizationDao.Row::id,
                row -> view(handle, caller, row.optimization())));
    }

    /**
     * The request body the run solved, in the {@code POST /optimizer/solve} format, to replay it there or with
     * {@code optimize --model}; cut to the caller's depots. 404 as the run; 409 ILLEGAL_STATE before it started.
     */
    @GET
    @Path("/{id}/model")
    @RolesAllowed({"ADMIN", "MANAGER", "FINANCE"})
    public OptimizeRequest model(@Auth Caller caller, @PathParam("id") long id) {
        return transactions.read(handle -> OptimizationService.model(handle, caller, id));
    }

    /** The run: status, progress 0-1, and once SUCCEEDED its summary; once FAILED, {@code error} says why. */
    @GET
    @Path("/{id}")
    @RolesAllowed({"ADMIN", "MANAGER", "FINANCE"})
    public OptimizationView get(@Auth Caller caller, @PathParam("id") long id) {
        return transactions.read(handle -> view(handle, caller, OptimizationService.visible(handle, caller, id)));
    }

    /** The run's recommendations by position (empty until it has SUCCEEDED); {@code depot} filters. */
    @GET
    @Path("/{id}/recommendations")
    @RolesAllowed({"ADMIN", "MANAGER", "FINANCE"})
    public Page<RecommendationView> recommendations(@Auth Caller caller, @PathParam("id") long id,
            @QueryParam("depot") String depot, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit);
        long after = Page.after(cursor);
        String filter = Requests.depotCode(depot);
        return transactions.read(handle -> {
            OptimizationService.visible(handle, caller, id);
            Requests.Scope scope = Requests.scope(caller, filter);
            return Page.of(handle.attach(RecommendationDao.class).page(id, after, size + 1, filter,
                    scope.allDepots(), scope.depots()), size, RecommendationDao.Recommendation::id,
                    RecommendationView::of);
        });
    }

    /** 200 CANCELLED (the solver stops at its next step); 409 ILLEGAL_STATE once the run has ended. */
    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({"ADMIN", "MANAGER"})
    public Response cancel(@Auth Caller caller, @HeaderParam("Idempotency-Key") String key, @Context UriInfo uri,
            @PathParam("id") long id) {
        Response response = Responses.of(posts.execute(caller, key, "POST", uri.getPath(), "", handle ->
                Outcome.ok(view(handle, caller, optimizations.cancel(handle, caller, id)))));
        runner.requestCancel(id);
        return response;
    }

    /**
     * 200 with the run after setting each recommended level of the depots (all of the run's by default) as policy
     * source OPTIMIZATION; 409 ILLEGAL_STATE unless SUCCEEDED; 422 for a depot not in the run.
     */
    @POST
    @Path("/{id}/apply")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"ADMIN", "MANAGER"})
    public Response apply(@Auth Caller caller, @HeaderParam("Idempotency-Key") String key, @Context UriInfo uri,
            @PathParam("id") long id, @Valid ApplyOptimization body) {
        List<String> depots = body == null ? null : body.depots();
        return Responses.of(posts.execute(caller, key, "POST", uri.getPath(), body == null ? "" : body, handle ->
                Outcome.ok(view(handle, caller, optimizations.apply(handle, Requests.actor(caller), caller, id,
                        depots)))));
    }

    private static OptimizationView view(Handle handle, Caller caller, Optimization run) {
        List<String> visible = run.depots().stream().filter(caller::canSee).toList();
        if (run.status() != OptimizationStatus.SUCCEEDED) {
            return OptimizationView.of(run, visible, null);
        }
        List<RecommendationDao.DepotResult> depots = handle.attach(RecommendationDao.class).depots(run.id())
                .stream().filter(depot -> caller.canSee(depot.depot())).toList();
        return OptimizationView.of(run, visible, Summary.of(run, depots));
    }
}
