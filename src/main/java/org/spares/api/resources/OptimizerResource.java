package org.spares.api.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.spares.api.IdempotentPosts;
import org.spares.api.Outcome;
import org.spares.api.dto.SimulationDtos.SimulateRequest;
import org.spares.api.dto.SimulationDtos.SimulationView;
import org.spares.domain.Caller;
import org.spares.optimize.FrontierAnswer;
import org.spares.optimize.FrontierRequest;
import org.spares.optimize.OptimizeRequest;
import org.spares.optimize.Plan;
import org.spares.service.OptimizerService;
import org.spares.simulate.PlanSimulation;

/**
 * What-if solves of an explicit model (docs/OPTIMIZER.md): nothing is stored, and the solver runs outside any database
 * transaction. Solves are CPU-bound, so only a few run at once; the rest wait a second and then get 503.
 */
@Path("/api/v1/optimizer")
@Tag(name = "Optimizer", description = "Stock-level optimization of a model sent in the body")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OptimizerResource {
    private final OptimizerService optimizer;
    private final IdempotentPosts posts;

    public OptimizerResource(OptimizerService optimizer, IdempotentPosts posts) {
        this.optimizer = optimizer;
        this.posts = posts;
    }

    /** 200 with the plan; 422 VALIDATION_FAILED naming the field; 422 INFEASIBLE naming the depot and target. */
    @POST
    @Path("/solve")
    @RolesAllowed({"ADMIN", "MANAGER", "FINANCE"})
    @Operation(operationId = "solveModel", tags = "Optimizer",
            summary = "Find the cheapest stock levels that meet the service targets",
            responses = {
            @ApiResponse(responseCode = "200", description = "The plan",
                    content = @Content(schema = @Schema(implementation = Plan.class))),
            @ApiResponse(responseCode = "422",
                    description = "INFEASIBLE (naming the depot and target) or IDEMPOTENCY_KEY_REUSED")})
    public Response solve(@Auth Caller caller, @HeaderParam("Idempotency-Key") String key, @Context UriInfo uri,
            @NotNull OptimizeRequest body) {
        return posts.answer(caller, key, uri, body, (Plan plan) -> Outcome.ok(plan), once -> optimizer.solve(body,
                once));
    }

    /**
     * 200 with the plan's predicted and simulated fill rate, backorders and parts wait per depot and in total
     * (SIMULATION.md); 422 VALIDATION_FAILED naming the field (a stock level, replications, days, confidence, the
     * work limit); 422 INFEASIBLE when no stock levels are given and no plan meets the targets; 503 when busy.
     */
    @POST
    @Path("/simulate")
    @RolesAllowed({"ADMIN", "MANAGER", "FINANCE"})
    @Operation(operationId = "simulateModel", tags = "Optimizer",
            summary = "Simulate stock levels (or the optimal plan) under the model's demand",
            responses = {
            @ApiResponse(responseCode = "200", description = "Predicted and simulated measures per depot and in total",
                    content = @Content(schema = @Schema(implementation = SimulationView.class))),
            @ApiResponse(responseCode = "422",
                    description = "INFEASIBLE: no levels given and no plan meets the targets; or "
                    + "IDEMPOTENCY_KEY_REUSED")})
    public Response simulate(@Auth Caller caller, @HeaderParam("Idempotency-Key") String key, @Context UriInfo uri,
            @NotNull SimulateRequest body) {
        return posts.answer(caller, key, uri, body, (PlanSimulation simulation) ->
                Outcome.ok(SimulationView.of(simulation)),
                once -> optimizer.simulate(body.model(), body.stockLevels(), body::settings, once));
    }

    /** 200 with the cost-versus-service points, cheapest first. */
    @POST
    @Path("/frontier")
    @RolesAllowed({"ADMIN", "MANAGER", "FINANCE"})
    @Operation(operationId = "costServiceFrontier", tags = "Optimizer",
            summary = "Cost-versus-service points of a model, cheapest first",
            responses = {
            @ApiResponse(responseCode = "200", description = "The frontier",
                    content = @Content(schema = @Schema(implementation = FrontierAnswer.class)))})
    public Response frontier(@Auth Caller caller, @HeaderParam("Idempotency-Key") String key, @Context UriInfo uri,
            @NotNull FrontierRequest body) {
        return posts.answer(caller, key, uri, body, (FrontierAnswer points) -> Outcome.ok(points),
                once -> optimizer.frontier(body, once));
    }
}
