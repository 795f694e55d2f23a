package org.spares.pages;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.spares.api.Requests;
import org.spares.api.dto.OptimizationDtos;
import org.spares.api.dto.OptimizationDtos.OptimizationView;
import org.spares.domain.Caller;
import org.spares.domain.Depot;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;
import org.spares.domain.OptimizationStatus;
import org.spares.domain.Recommendation;
import org.spares.optimize.FrontierAnswer;
import org.spares.optimize.FrontierRequest;
import org.spares.optimize.OptimizeRequest;
import org.spares.service.DepotService;
import org.spares.service.Idempotency;
import org.spares.service.OptimizationService;
import org.spares.service.OptimizerService;
import org.spares.service.RunSimulation;

/**
 * Optimization runs as pages: the recent runs and a form to start one; a run's live progress, and once it has
 * succeeded its result per depot, the cost-versus-parts-wait frontier of its model with the current and the
 * recommended plan marked, its recommendations with their reasons, and applying all or chosen depots. Every
 * change goes through {@link OptimizationService} as the API's does.
 */
@Path("/ui")
@Produces(MediaType.TEXT_HTML)
public final class OptimizationPagesResource {
    private static final int RUNS_SHOWN = 20;
    private static final int RECOMMENDATIONS_SHOWN = 50;
    private static final int MAX_DEPOTS = 500;
    private static final int MAX_HISTORY_DAYS = 3650;
    private static final int FRONTIER_POINTS = 12;
    private static final double WAIT_SHOWN = 3;

    private final OptimizationService optimizations;
    private final OptimizerService optimizer;
    private final DepotService depots;

    public OptimizationPagesResource(OptimizationService optimizations, OptimizerService optimizer,
            DepotService depots) {
        this.optimizations = optimizations;
        this.optimizer = optimizer;
        this.depots = depots;
    }

    /** The caller's runs, newest first, a page at a time ({@code before} a run id), and the form to start one. */
    @GET
    @Path("optimizations")
    @RolesAllowed({"ADMIN", "MANAGER", "FINANCE"})
    public RunsView list(@Auth Caller caller, @Context ContainerRequestContext request,
            @QueryParam("before") Long before, @QueryParam("started") String started) {
        List<OptimizationView> runs = optimizations.page(caller, new OptimizationService.Filter(null, null),
                before == null ? Long.MAX_VALUE : before, RUNS_SHOWN + 1).stream().map(OptimizationView::of)
                .toList();
        Long next = runs.size() > RUNS_SHOWN ? runs.get(RUNS_SHOWN - 1).id() : null;
        List<String> codes = depots.page(caller, 0, MAX_DEPOTS).stream().map(Depot::code).toList();
        return new RunsView(runs.subList(0, Math.min(RUNS_SHOWN, runs.size())), next, codes, FormKeys.fresh(),
                started != null, Nav.of(request));
    }

    /** Starts a run over the chosen depots (as POST /api/v1/optimizations) and goes to its page. */
    @POST
    @Path("optimizations")
    @RolesAllowed({"ADMIN", "MANAGER"})
    public Response start(@Auth Caller caller, @Context ContainerRequestContext request,
            @FormParam("depot") List<String> chosen, @FormParam("historyDays") String historyDays,
            @FormParam(FormKeys.FIELD) String key) {
        List<String> codes = chosen == null ? List.of() : List.copyOf(new TreeSet<>(chosen));
        if (codes.isEmpty()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, 422, "choose at least one depot",
                    Map.of("field", "depot"));
        }
        int days = days(historyDays);
        try {
            OptimizationService.Seen seen = optimizations.start(Requests.actor(caller), caller,
                    codes, days, FormKeys.once(caller, key, "/ui/optimizations",
                            Map.of("depots", codes, "historyDays", days)));
            return Response.seeOther(URI.create("/ui/optimizations/" + seen.run().id())).build();
        } catch (Idempotency.Replayed replayed) {
            return Response.seeOther(URI.create("/ui/optimizations?started=again")).build();
        }
    }

    /** A run: its progress while it is solved; once it has succeeded, its result, frontier and recommendations. */
    @GET
    @Path("optimizations/{id}")
    @RolesAllowed({"ADMIN", "MANAGER", "FINANCE"})
    public RunView run(@Auth Caller caller, @Context ContainerRequestContext request, @PathParam("id") long id,
            @QueryParam("after") Long after, @QueryParam("applied") String applied) {
        OptimizationService.Seen seen = optimizations.get(caller, id);
        OptimizationView run = OptimizationView.of(seen);
        if (seen.run().status() != OptimizationStatus.SUCCEEDED) {
            return new RunView(run, mayChange(caller, seen), null, List.of(), null, FormKeys.fresh(), applied,
                    Nav.of(request));
        }
        List<Recommendation> rows = optimizations.recommendations(caller, id, null, after == null ? 0 : after,
                RECOMMENDATIONS_SHOWN + 1);
        Long next = rows.size() > RECOMMENDATIONS_SHOWN ? rows.get(RECOMMENDATIONS_SHOWN - 1).id() : null;
        return new RunView(run, mayChange(caller, seen), frontier(caller, seen),
                rows.subList(0, Math.min(RECOMMENDATIONS_SHOWN, rows.size())).stream()
                        .map(OptimizationDtos.RecommendationView::of).toList(), next, FormKeys.fresh(), applied,
                Nav.of(request));
    }

    /**
     * The progress box, polled every second while the run is queued or running; once it has ended the box stops
     * polling and asks htmx to reload the page, which then shows the result.
     */
    @GET
    @Path("optimizations/{id}/progress")
    @RolesAllowed({"ADMIN", "MANAGER", "FINANCE"})
    public Response progress(@Auth Caller caller, @Context ContainerRequestContext request, @PathParam("id") long id) {
        OptimizationService.Seen seen = optimizations.get(caller, id);
        ProgressView view = new ProgressView(OptimizationView.of(seen), Nav.of(request));
        Response.ResponseBuilder answer = Response.ok(view);
        if (!view.isActive()) {
            answer.header("HX-Refresh", "true");
        }
        return answer.build();
    }

    /**
     * Applies the run's levels as policy (as POST /api/v1/optimizations/{id}/apply): every depot with
     * {@code scope=all}, the ticked ones with {@code scope=chosen}.
     */
    @POST
    @Path("optimizations/{id}/apply")
    @RolesAllowed({"ADMIN", "MANAGER"})
    public Response apply(@Auth Caller caller, @Context ContainerRequestContext request, @PathParam("id") long id,
            @FormParam("scope") String scope, @FormParam("depot") List<String> chosen,
            @FormParam("line") List<String> lines, @FormParam(FormKeys.FIELD) String key) {
        if ("lines".equals(scope)) {
            return applyLines(caller, id, lines, key);
        }
        List<String> codes;
        if ("all".equals(scope)) {
            codes = null;
        } else if ("chosen".equals(scope)) {
            codes = chosen == null ? List.of() : List.copyOf(new TreeSet<>(chosen));
            if (codes.isEmpty()) {
                throw new DomainException(ErrorCode.VALIDATION_FAILED, 422, "tick at least one depot to apply",
                        Map.of("field", "depot"));
            }
        } else {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, 422, "scope must be all, chosen or lines",
                    Map.of("field", "scope"));
        }
        String path = "/ui/optimizations/" + id;
        try {
            optimizations.apply(Requests.actor(caller), caller, id, codes,
                    FormKeys.once(caller, key, path + "/apply",
                            Map.of("depots", codes == null ? List.of() : codes, "scope", scope)));
            return Response.seeOther(URI.create(path + "?applied=now")).build();
        } catch (Idempotency.Replayed replayed) {
            return Response.seeOther(URI.create(path + "?applied=again")).build();
        }
    }

    /** The ticked recommendation lines ({@code DEPOT/SKU}) only, as the API's apply with {@code lines}. */
    private Response applyLines(Caller caller, long id, List<String> ticked, String key) {
        List<String> keys = ticked == null ? List.of() : List.copyOf(new TreeSet<>(ticked));
        if (keys.isEmpty()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, 422, "tick at least one recommendation to apply",
                    Map.of("field", "line"));
        }
        List<OptimizationService.Line> lines = keys.stream().map(line -> {
            int slash = line.indexOf('/');
            if (slash <= 0) {
                throw new DomainException(ErrorCode.VALIDATION_FAILED, 422, "a line is DEPOT/SKU",
                        Map.of("field", "line"));
            }
            return new OptimizationService.Line(line.substring(0, slash), line.substring(slash + 1));
        }).toList();
        String path = "/ui/optimizations/" + id;
        try {
            optimizations.applyLines(Requests.actor(caller), caller, id, lines,
                    FormKeys.once(caller, key, path + "/apply", Map.of("lines", keys)));
            return Response.seeOther(URI.create(path + "?applied=now")).build();
        } catch (Idempotency.Replayed replayed) {
            return Response.seeOther(URI.create(path + "?applied=again")).build();
        }
    }

    /** Cancels a queued or running run (as POST /api/v1/optimizations/{id}/cancel). */
    @POST
    @Path("optimizations/{id}/cancel")
    @RolesAllowed({"ADMIN", "MANAGER"})
    public Response cancel(@Auth Caller caller, @Context ContainerRequestContext request, @PathParam("id") long id,
            @FormParam(FormKeys.FIELD) String key) {
        String path = "/ui/optimizations/" + id;
        try {
            optimizations.cancel(caller, id, FormKeys.once(caller, key, path + "/cancel", Map.of()));
        } catch (Idempotency.Replayed replayed) {
            // Cancelled by the same form before: the page shows the run as it is.
        }
        return Response.seeOther(URI.create(path)).build();
    }

    private static int days(String text) {
        if (text == null || text.isBlank()) {
            return OptimizationDtos.DEFAULT_HISTORY_DAYS;
        }
        try {
            int days = Integer.parseInt(text.trim());
            if (days >= 1 && days <= MAX_HISTORY_DAYS) {
                return days;
            }
        } catch (NumberFormatException notANumber) {
            // Refused below with the same message as a number out of range.
        }
        throw new DomainException(ErrorCode.VALIDATION_FAILED, 422, "history days must be a whole number from 1 to "
                + MAX_HISTORY_DAYS, Map.of("field", "historyDays"));
    }

    /** Cancelling needs every depot of the run (the service checks; the page only hides the button otherwise). */
    private static boolean mayChange(Caller caller, OptimizationService.Seen seen) {
        return seen.run().depots().stream().allMatch(caller::canSee);
    }

    /**
     * The frontier of the run's stored model (cut to the caller's depots), by the optimizer's marginal analysis,
     * with the current and the recommended plan placed by the model's own measures from the run's stored
     * simulation. Parts wait is 24 x expected backorders / repair orders per day over the depots shown, as the
     * frontier's points have it; null when those depots have no repair orders (no wait to draw).
     */
    private Charts.LineChart frontier(Caller caller, OptimizationService.Seen seen) {
        double ordersPerDay = seen.results().stream().mapToDouble(depot -> depot.repairOrdersPerDay().doubleValue())
                .sum();
        if (ordersPerDay <= 0) {
            return null;
        }
        OptimizeRequest model = optimizations.model(caller, seen.run().id());
        FrontierAnswer answer = optimizer.frontier(new FrontierRequest(model.parts(), model.depots(), model.demand(),
                model.maxTotalBackorders(), model.costModel(), model.objective(), model.annualBudget(),
                FRONTIER_POINTS), Idempotency.none());
        RunSimulation simulation = optimizations.simulation(caller, seen.run().id());
        double currentBackorders = 0;
        double recommendedBackorders = 0;
        for (RunSimulation.DepotOutcome depot : simulation.depots()) {
            currentBackorders += depot.current().predicted().expectedBackorders();
            recommendedBackorders += depot.recommended().predicted().expectedBackorders();
        }
        double currentWait = 24 * currentBackorders / ordersPerDay;
        double recommendedWait = 24 * recommendedBackorders / ordersPerDay;
        // The cheapest end of the frontier (stock at the fill-rate floors) can wait ten times longer than either
        // plan; drawn whole it would flatten the part that matters, so the chart stops at a few times the longer
        // of the two plans' waits.
        double shownWait = WAIT_SHOWN * Math.max(Math.max(currentWait, recommendedWait), 1);
        List<Charts.Point> points = new ArrayList<>();
        for (FrontierAnswer.Point point : answer.points()) {
            if (point.partsWaitHours() != null && point.partsWaitHours() <= shownWait) {
                points.add(new Charts.Point(point.annualHoldingCost(), point.partsWaitHours(),
                        Math.round(point.annualHoldingCost()) + " a year: " + Math.round(point.partsWaitHours() * 10)
                                / 10.0 + " h wait"));
            }
        }
        double currentCost = seen.results().stream()
                .mapToDouble(depot -> depot.currentAnnualHoldingCost().doubleValue()).sum();
        double recommendedCost = seen.results().stream()
                .mapToDouble(depot -> depot.recommendedAnnualHoldingCost().doubleValue()).sum();
        return Charts.lines("Annual holding cost versus parts wait", "annual holding cost",
                "parts wait (hours)", List.of(new Charts.Series("frontier", points)),
                List.of(new Charts.Marker("current", currentCost, currentWait),
                        new Charts.Marker("recommended", recommendedCost, recommendedWait)));
    }

    /** The runs page. */
    public static final class RunsView extends PageView {
        private final List<OptimizationView> runs;
        private final Long next;
        private final List<String> depots;
        private final String formKey;
        private final boolean replayed;

        RunsView(List<OptimizationView> runs, Long next, List<String> depots, String formKey, boolean replayed,
                Nav nav) {
            super("optimizations", "Optimizations", nav);
            this.runs = runs;
            this.next = next;
            this.depots = depots;
            this.formKey = formKey;
            this.replayed = replayed;
        }

        public List<OptimizationView> getRuns() {
            return runs;
        }

        public Long getNext() {
            return next;
        }

        public List<String> getDepots() {
            return depots;
        }

        public String getFormKey() {
            return formKey;
        }

        public boolean isReplayed() {
            return replayed;
        }

        public int getDefaultHistoryDays() {
            return OptimizationDtos.DEFAULT_HISTORY_DAYS;
        }
    }

    /** One run's page. */
    public static final class RunView extends PageView {
        private final OptimizationView run;
        private final boolean allDepots;
        private final Charts.LineChart frontier;
        private final List<OptimizationDtos.RecommendationView> recommendations;
        private final Long next;
        private final String formKey;
        private final String applied;

        RunView(OptimizationView run, boolean allDepots, Charts.LineChart frontier,
                List<OptimizationDtos.RecommendationView> recommendations, Long next, String formKey, String applied,
                Nav nav) {
            super("optimization", "Optimization " + run.id(), nav);
            this.run = run;
            this.allDepots = allDepots;
            this.frontier = frontier;
            this.recommendations = recommendations;
            this.next = next;
            this.formKey = formKey;
            this.applied = applied;
        }

        public OptimizationView getRun() {
            return run;
        }

        public boolean isActive() {
            return ProgressView.active(run);
        }

        public int getPercent() {
            return ProgressView.percent(run);
        }

        public boolean isAllDepots() {
            return allDepots;
        }

        public Charts.LineChart getFrontier() {
            return frontier;
        }

        public List<OptimizationDtos.RecommendationView> getRecommendations() {
            return recommendations;
        }

        public Long getNext() {
            return next;
        }

        public String getFormKey() {
            return formKey;
        }

        /** "now" just after applying, "again" when the same form was sent twice; null otherwise. */
        public String getApplied() {
            return applied;
        }
    }

    /** The polled progress box alone. */
    public static final class ProgressView extends PageView {
        private final OptimizationView run;

        ProgressView(OptimizationView run, Nav nav) {
            super("optimization-progress", "Optimization " + run.id(), nav);
            this.run = run;
        }

        static boolean active(OptimizationView run) {
            return run.status().equals(OptimizationStatus.QUEUED.name())
                    || run.status().equals(OptimizationStatus.RUNNING.name());
        }

        static int percent(OptimizationView run) {
            return run.progress().movePointRight(2).intValue();
        }

        public OptimizationView getRun() {
            return run;
        }

        public boolean isActive() {
            return active(run);
        }

        public int getPercent() {
            return percent(run);
        }
    }
}
