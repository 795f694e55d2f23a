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
import java.util.List;
import java.util.Map;
import org.spares.api.IdempotentPosts;
import org.spares.api.Outcome;
import org.spares.api.Page;
import org.spares.api.Requests;
import org.spares.api.dto.OptimizationDtos.ApplyOptimization;
import org.spares.api.dto.OptimizationDtos.NewOptimization;
import org.spares.api.dto.OptimizationDtos.OptimizationView;
import org.spares.api.dto.OptimizationDtos.RecommendationView;
import org.spares.domain.Caller;
import org.spares.domain.ErrorCode;
import org.spares.domain.DomainException;
import org.spares.domain.Optimization;
import org.spares.domain.OptimizationStatus;
import org.spares.domain.Recommendation;
import org.spares.optimize.OptimizeRequest;
import org.spares.service.OptimizationService;
import org.spares.service.RunSimulation;

/**
 * Optimization runs built from the database (docs/OPTIMIZER.md "Optimization runs"): created QUEUED and solved in the
 * background, listed, polled, replayed from their stored model, cancelled, applied. A run is visible to callers who
 * see at least one of its depots (others get 404), and shows only those depots, in its model too; cancelling needs
 * all of them, applying the ones applied.
 */
@Path("/api/v1/optimizations")
@Tag(name = "Optimizations", description = "Optimization runs over the stored history")
@Produces(MediaType.APPLICATION_JSON)
public class OptimizationResource {
    private final OptimizationService optimizations;
    private final IdempotentPosts posts;

    public OptimizationResource(OptimizationService optimizations, IdempotentPosts posts) {
        this.optimizations = optimizations;
        this.posts = posts;
    }

    /**
     * 202 QUEUED with a Location to poll; 403 for a depot outside the caller's; 404 for an unknown depot; 409
     * CONFLICT when one of the depots already has a run queued or running.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"ADMIN", "MANAGER"})
    @Operation(operationId = "startOptimization", tags = "Optimizations",
            summary = "Start an optimization run for depots",
            responses = {
            @ApiResponse(responseCode = "202", description = "The run, QUEUED; poll its Location",
                    content = @Content(schema = @Schema(implementation = OptimizationView.class))),
            @ApiResponse(responseCode = "404", description = "NOT_FOUND: unknown depot"),
            @ApiResponse(responseCode = "409", description = "CONFLICT: a depot already has a run queued or running")})
    public Response create(@Auth Caller caller, @HeaderParam("Idempotency-Key") String key, @Context UriInfo uri,
            @NotNull @Valid NewOptimization body) {
        return posts.answer(caller, key, uri, body,
                (OptimizationService.Seen seen) -> Outcome.accepted("/api/v1/optimizations/" + seen.run().id(),
                        OptimizationView.of(seen)),
                once -> optimizations.start(Requests.actor(caller), caller, body.depots(), body.days(), once));
    }

    /**
     * The runs the caller sees (at least one of their depots), newest first; {@code depot} (403 outside the
     * caller's depots) and {@code status} filter.
     */
    @GET
    @RolesAllowed({"ADMIN", "MANAGER", "FINANCE"})
    @Operation(operationId = "listOptimizations", tags = "Optimizations",
            summary = "List runs the caller sees, newest first",
            parameters = {
            @Parameter(name = "status", in = ParameterIn.QUERY, description = "Only this status",
                    schema = @Schema(implementation = OptimizationStatus.class))},
            responses = {
            @ApiResponse(responseCode = "200", description = "A page of runs", useReturnTypeSchema = true)})
    public Page<OptimizationView> list(@Auth Caller caller, @QueryParam("depot") String depot,
            @QueryParam("status") String status, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit);
        long before = Page.before(cursor);
        OptimizationService.Filter filter = new OptimizationService.Filter(Requests.depotCode(depot),
                Requests.enumValue("status", status, OptimizationStatus.class));
        return Page.of(optimizations.page(caller, filter, before, size + 1), size, seen -> seen.run().id(),
                OptimizationView::of);
    }

    /**
     * The request body the run solved, in the {@code POST /optimizer/solve} format, to replay it there or with
     * {@code optimize --model}; cut to the caller's depots. 404 as the run; 409 ILLEGAL_STATE before it started.
     */
    @GET
    @Path("/{id}/model")
    @RolesAllowed({"ADMIN", "MANAGER", "FINANCE"})
    @Operation(operationId = "getOptimizationModel", tags = "Optimizations",
            summary = "The model a run solved, in the solveModel body format",
            responses = {
            @ApiResponse(responseCode = "200", description = "The model", useReturnTypeSchema = true),
            @ApiResponse(responseCode = "409", description = "ILLEGAL_STATE: the run has not started")})
    public OptimizeRequest model(@Auth Caller caller, @PathParam("id") long id) {
        return optimizations.model(caller, id);
    }

    /**
     * What the run's recommended levels, and the current ones, would have given: replayed against the window's
     * requests and simulated under the forecast demand, next to the model's promise. 409 until SUCCEEDED.
     */
    @GET
    @Path("/{id}/simulation")
    @RolesAllowed({"ADMIN", "MANAGER", "FINANCE"})
    @Operation(operationId = "getOptimizationSimulation", tags = "Optimizations",
            summary = "Replay and simulate a run's recommended levels",
            responses = {
            @ApiResponse(responseCode = "200", description = "The simulation", useReturnTypeSchema = true),
            @ApiResponse(responseCode = "409", description = "ILLEGAL_STATE: the run has not SUCCEEDED")})
    public RunSimulation simulation(@Auth Caller caller, @PathParam("id") long id) {
        return optimizations.simulation(caller, id);
    }

    /** The run: status, progress 0-1, and once SUCCEEDED its summary; once FAILED, {@code error} says why. */
    @GET
    @Path("/{id}")
    @RolesAllowed({"ADMIN", "MANAGER", "FINANCE"})
    @Operation(operationId = "getOptimization", tags = "Optimizations",
            summary = "Read one run: status, progress, summary",
            responses = {
            @ApiResponse(responseCode = "200", description = "The run", useReturnTypeSchema = true)})
    public OptimizationView get(@Auth Caller caller, @PathParam("id") long id) {
        return OptimizationView.of(optimizations.get(caller, id));
    }

    /** The run's recommendations by position (empty until it has SUCCEEDED); {@code depot} filters. */
    @GET
    @Path("/{id}/recommendations")
    @RolesAllowed({"ADMIN", "MANAGER", "FINANCE"})
    @Operation(operationId = "listRecommendations", tags = "Optimizations",
            summary = "List a run's recommendations by position",
            responses = {
            @ApiResponse(responseCode = "200", description = "A page of recommendations", useReturnTypeSchema = true)})
    public Page<RecommendationView> recommendations(@Auth Caller caller, @PathParam("id") long id,
            @QueryParam("depot") String depot, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit);
        long after = Page.after(cursor);
        return Page.of(optimizations.recommendations(caller, id, Requests.depotCode(depot), after, size + 1), size,
                Recommendation::id, RecommendationView::of);
    }

    /** 200 CANCELLED (the solver stops at its next step); 409 ILLEGAL_STATE once the run has ended. */
    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({"ADMIN", "MANAGER"})
    @Operation(operationId = "cancelOptimization", tags = "Optimizations",
            summary = "Cancel a queued or running run",
            responses = {
            @ApiResponse(responseCode = "200", description = "The run, CANCELLED",
                    content = @Content(schema = @Schema(implementation = OptimizationView.class))),
            @ApiResponse(responseCode = "409", description = "ILLEGAL_STATE: the run has ended")})
    public Response cancel(@Auth Caller caller, @HeaderParam("Idempotency-Key") String key, @Context UriInfo uri,
            @PathParam("id") long id) {
        return posts.answer(caller, key, uri, "", OptimizationResource::ok,
                once -> optimizations.cancel(caller, id, once));
    }

    /**
     * 200 with the run after setting each recommended level of the depots (all of the run's by default), or of the
     * chosen {@code lines} only, as policy source OPTIMIZATION; 409 ILLEGAL_STATE unless SUCCEEDED; 422 for a depot
     * not in the run or a line it did not recommend; 400 for depots and lines together.
     */
    @POST
    @Path("/{id}/apply")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"ADMIN", "MANAGER"})
    @Operation(operationId = "applyOptimization", tags = "Optimizations",
            summary = "Apply a run's recommended levels as policy",
            responses = {
            @ApiResponse(responseCode = "200", description = "The run as applied",
                    content = @Content(schema = @Schema(implementation = OptimizationView.class))),
            @ApiResponse(responseCode = "409", description = "ILLEGAL_STATE: the run has not SUCCEEDED")})
    public Response apply(@Auth Caller caller, @HeaderParam("Idempotency-Key") String key, @Context UriInfo uri,
            @PathParam("id") long id, @Valid ApplyOptimization body) {
        List<String> depots = body == null ? null : body.depots();
        if (body != null && body.lines() != null) {
            if (depots != null) {
                throw new DomainException(ErrorCode.VALIDATION_FAILED, "give depots or lines, not both",
                        Map.of("field", "lines"));
            }
            List<OptimizationService.Line> lines = body.lines().stream()
                    .map(line -> new OptimizationService.Line(line.depot(), line.sku())).toList();
            return posts.answer(caller, key, uri, body, OptimizationResource::ok,
                    once -> optimizations.applyLines(Requests.actor(caller), caller, id, lines, once));
        }
        return posts.answer(caller, key, uri, body == null ? "" : body, OptimizationResource::ok,
                once -> optimizations.apply(Requests.actor(caller), caller, id, depots, once));
    }

    private static Outcome ok(OptimizationService.Seen seen) {
        return Outcome.ok(OptimizationView.of(seen));
    }

}
