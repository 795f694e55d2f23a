package org.spares.pages;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.spares.api.ListCsv;
import org.spares.api.resources.ReportResource;
import org.spares.domain.Caller;
import org.spares.domain.DepotScope;
import org.spares.service.PositionReports;
import org.spares.service.ReportScopes;
import org.spares.service.ReportService;
import org.spares.service.TurnaroundReport;

/**
 * The finance pages: every report of docs/REFERENCE.md "Reports" on one page, with charts, each table cut at
 * {@value ReportSections#ROWS} rows and downloadable whole as CSV. The page answers at once with the parameters'
 * form and a heading per section; each section is its own address ({@code /ui/reports/{section}}), which htmx loads
 * into its place (without scripts the headings link to them). The CSV addresses answer through the API's own report
 * resource, so the file is byte for byte the API's (the session cookie only reaches /ui, the API wants a token).
 */
@Path("/ui")
@Produces(MediaType.TEXT_HTML)
public final class ReportPagesResource {
    private final ReportSections sections;
    private final ReportScopes scopes;
    private final Clock clock;
    private final ReportResource api;

    /** @param api the API's report resource (the one registered under /api/v1/reports), which writes the CSVs */
    public ReportPagesResource(ReportService reports, PositionReports positions, TurnaroundReport turnaround,
            ReportScopes scopes, ReportResource api, Clock clock) {
        this.sections = new ReportSections(reports, positions, turnaround);
        this.scopes = scopes;
        this.clock = clock;
        this.api = api;
    }

    /** The parameters' form and every section's heading; the sections load on their own. */
    @GET
    @Path("reports")
    @RolesAllowed({"ADMIN", "MANAGER", "FINANCE"})
    public ReportsView reports(@Auth Caller caller, @Context ContainerRequestContext request,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("asOf") String asOf,
            @QueryParam("noIssueDays") String noIssueDays, @QueryParam("depot") String depot,
            @QueryParam("fromMonth") String fromMonth, @QueryParam("toMonth") String toMonth) {
        Instant now = clock.instant();
        ReportParameters shown = ReportParameters.of(from, to, asOf, noIssueDays, depot, fromMonth, toMonth, now);
        shown.check(now);
        scopes.of(caller, shown.depotFilter());
        return new ReportsView("reports", Nav.of(request), shown, ReportSections.headings(shown, now));
    }

    /**
     * One section: carrying cost by depot and category, month by month, valuation, excess, dead stock or turnaround.
     * To htmx the section alone; otherwise the whole page with this section loaded and the others loading.
     */
    @GET
    @Path("reports/{section: [a-z-]+}")
    @RolesAllowed({"ADMIN", "MANAGER", "FINANCE"})
    public ReportsView section(@Auth Caller caller, @Context ContainerRequestContext request,
            @PathParam("section") String section,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("asOf") String asOf,
            @QueryParam("noIssueDays") String noIssueDays, @QueryParam("depot") String depot,
            @QueryParam("fromMonth") String fromMonth, @QueryParam("toMonth") String toMonth) {
        if (!ReportSections.IDS.contains(section)) {
            throw new NotFoundException();
        }
        Instant now = clock.instant();
        ReportParameters shown = ReportParameters.of(from, to, asOf, noIssueDays, depot, fromMonth, toMonth, now);
        shown.check(now);
        DepotScope scope = scopes.of(caller, shown.depotFilter());
        ReportSection loaded = sections.load(section, shown, scope, now);
        if (Pages.isHtmx(request)) {
            return new ReportsView("report-section", Nav.of(request), shown, List.of(loaded));
        }
        List<ReportSection> all = ReportSections.headings(shown, now).stream()
                .map(heading -> heading.id().equals(section) ? loaded : heading).toList();
        return new ReportsView("reports", Nav.of(request), shown, all);
    }

    /** The API's carrying-cost report as CSV. */
    @GET
    @Path("reports/carrying-cost.csv")
    @Produces(ListCsv.TEXT_CSV)
    @RolesAllowed({"ADMIN", "MANAGER", "FINANCE"})
    public Response carryingCostCsv(@Auth Caller caller, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("groupBy") String groupBy, @QueryParam("depot") String depot) {
        return api.carryingCost(caller, from, to, groupBy, depot, "csv", null);
    }

    /** The API's valuation report as CSV. */
    @GET
    @Path("reports/valuation.csv")
    @Produces(ListCsv.TEXT_CSV)
    @RolesAllowed({"ADMIN", "MANAGER", "FINANCE"})
    public Response valuationCsv(@Auth Caller caller, @QueryParam("asOf") String asOf,
            @QueryParam("groupBy") String groupBy, @QueryParam("depot") String depot) {
        return api.valuation(caller, asOf, groupBy, depot, "csv", null);
    }

    /** The API's excess report as CSV. */
    @GET
    @Path("reports/excess.csv")
    @Produces(ListCsv.TEXT_CSV)
    @RolesAllowed({"ADMIN", "MANAGER", "FINANCE"})
    public Response excessCsv(@Auth Caller caller, @QueryParam("asOf") String asOf,
            @QueryParam("depot") String depot) {
        return api.excess(caller, asOf, depot, "csv", null);
    }

    /** The API's dead-stock report as CSV. */
    @GET
    @Path("reports/dead-stock.csv")
    @Produces(ListCsv.TEXT_CSV)
    @RolesAllowed({"ADMIN", "MANAGER", "FINANCE"})
    public Response deadStockCsv(@Auth Caller caller, @QueryParam("asOf") String asOf,
            @QueryParam("noIssueDays") String noIssueDays, @QueryParam("depot") String depot) {
        Integer days = ReportParameters.blank(noIssueDays) ? null : ReportParameters.noIssueDays(noIssueDays);
        return api.deadStock(caller, asOf, days, depot, "csv", null);
    }

    /** The API's turnaround report as CSV. */
    @GET
    @Path("reports/turnaround.csv")
    @Produces(ListCsv.TEXT_CSV)
    @RolesAllowed({"ADMIN", "MANAGER", "FINANCE"})
    public Response turnaroundCsv(@Auth Caller caller, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("depot") String depot) {
        return api.turnaround(caller, from, to, depot, "csv", null);
    }

    /** The API's turnaround distribution as CSV. */
    @GET
    @Path("reports/turnaround-distribution.csv")
    @Produces(ListCsv.TEXT_CSV)
    @RolesAllowed({"ADMIN", "MANAGER", "FINANCE"})
    public Response turnaroundDistributionCsv(@Auth Caller caller, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("depot") String depot) {
        return api.turnaroundDistribution(caller, from, to, depot, "csv", null);
    }

    /** The reports page, or one of its sections alone. */
    public static final class ReportsView extends PageView {
        private final ReportParameters parameters;
        private final List<ReportSection> sections;

        ReportsView(String template, Nav nav, ReportParameters parameters, List<ReportSection> sections) {
            super(template, "Reports", nav);
            this.parameters = parameters;
            this.sections = sections;
        }

        public ReportParameters getParameters() {
            return parameters;
        }

        public List<ReportSection> getSections() {
            return sections;
        }
    }
}
