package org.spares.api.resources;

import io.dropwizard.auth.Auth;
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
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.spares.api.Responses;
import org.spares.auth.Caller;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;
import org.spares.optimize.FrontierRequest;
import org.spares.optimize.OptimizeRequest;
import org.spares.optimize.Optimizer;
import org.spares.optimize.ProgressListener;
import org.spares.optimize.SolverLimits;
import org.spares.service.IdempotentPosts;
import org.spares.service.Outcome;

/**
 * What-if solves of an explicit model (OPTIMIZER.md): nothing is stored, and the solver runs outside any database
 * transaction. Solves are CPU-bound, so only a few run at once; the rest wait a second and then get 503.
 */
@Path("/api/v1/optimizer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OptimizerResource {
    private final IdempotentPosts posts;
    private final long timeLimitMillis;
    private final Semaphore solves;

    public OptimizerResource(IdempotentPosts posts, long timeLimitMillis, int concurrentSolves) {
        this.posts = posts;
        this.timeLimitMillis = timeLimitMillis;
        this.solves = new Semaphore(concurrentSolves);
    }

    /** 200 with the plan; 422 VALIDATION_FAILED naming the field; 422 INFEASIBLE naming the depot and target. */
    @POST
    @Path("/solve")
    @RolesAllowed({"ADMIN", "MANAGER", "FINANCE"})
    public Response solve(@Auth Caller caller, @HeaderParam("Idempotency-Key") String key, @Context UriInfo uri,
            @NotNull OptimizeRequest body) {
        return Responses.of(posts.executeOutside(caller, key, "POST", uri.getPath(), body, () -> limited(
                () -> Outcome.ok(Optimizer.solve(body, limits(), ProgressListener.NONE)))));
    }

    /** 200 with the cost-versus-service points, cheapest first. */
    @POST
    @Path("/frontier")
    @RolesAllowed({"ADMIN", "MANAGER", "FINANCE"})
    public Response frontier(@Auth Caller caller, @HeaderParam("Idempotency-Key") String key, @Context UriInfo uri,
            @NotNull FrontierRequest body) {
        return Responses.of(posts.executeOutside(caller, key, "POST", uri.getPath(), body, () -> limited(
                () -> Outcome.ok(Optimizer.frontier(body, limits(), ProgressListener.NONE)))));
    }

    private SolverLimits limits() {
        return new SolverLimits(timeLimitMillis, () -> false);
    }

    private Outcome limited(Supplier<Outcome> solve) {
        try {
            if (!solves.tryAcquire(1, TimeUnit.SECONDS)) {
                throw new DomainException(ErrorCode.UNAVAILABLE, "the optimizer is busy; retry shortly",
                        Map.of("retryable", true));
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DomainException(ErrorCode.UNAVAILABLE, "interrupted", Map.of("retryable", true));
        }
        try {
            return solve.get();
        } finally {
            solves.release();
        }
    }
}
