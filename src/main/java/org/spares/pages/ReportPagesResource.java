package org.spares.pages;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.spares.api.ListCsv;
import org.spares.api.Requests;
import org.spares.api.resources.ReportResource;
import org.spares.domain.Caller;
import org.spares.domain.DepotScope;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;
import org.spares.report.GroupBy;
import org.spares.service.PositionReports;
import org.spares.service.ReportScopes;
import org.spares.service.ReportService;
import org.spares.service.TurnaroundReport;

/**
 * The finance pages: every report of docs/REFERENCE.md "Reports" on one page, with charts, each table cut at
 * {@value #ROWS} rows and downloadable whole as CSV. The CSV addresses answer through the API's own report
 * resource, so the file is byte for byte the API's (the session cookie only reaches /ui, the API wants a token).
 */
@Path("/ui")
@Produces(MediaType.TEXT_HTML)
public final class ReportPagesResource {
    static final int ROWS = 25;
    private static final int MAX_MONTHS = 24;
    private static final int MAX_NO_ISSUE_DAYS = 36_500;

    private final ReportService reports;
    private final PositionReports positions;
    private final TurnaroundReport turnaround;
    private final ReportScopes scopes;
    private final Clock clock;
    private final ReportResource api;

    public ReportPagesResource(ReportService reports, PositionReports positions, TurnaroundReport turnaround,
            ReportScopes scopes, ObjectMapper mapper, Clock clock) {
        this.reports = reports;
        this.positions = positions;
        this.turnaround = turnaround;
        this.scopes = scopes;
        this.clock = clock;
        this.api = new ReportResource(reports, positions, turnaround, scopes, mapper, clock);
    }

    /** Carrying cost by depot and category, month by month, valuation, excess, dead stock and turnaround. */
    @GET
    @Path("reports")
    @RolesAllowed({"ADMIN", "MANAGER", "FINANCE"})
    public ReportsView reports(@Auth Caller caller, @Context ContainerRequestContext request,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("asOf") String asOf,
            @QueryParam("noIssueDays") String noIssueDays, @QueryParam("depot") String depot,
            @QueryParam("fromMonth") String fromMonth, @QueryParam("toMonth") String toMonth) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Parameters shown = new Parameters(
                blank(from) ? today.minusDays(90).toString() : from.strip(),
                blank(to) ? today.toString() : to.strip(),
                blank(asOf) ? "" : asOf.strip(),
                blank(noIssueDays) ? "180" : noIssueDays.strip(),
                Requests.depotCode(depot) == null ? "" : Requests.depotCode(depot),
                blank(fromMonth) ? YearMonth.from(today).minusMonths(11).toString() : fromMonth.strip(),
                blank(toMonth) ? YearMonth.from(today).toString() : toMonth.strip());
        Instant[] period = Requests.period(shown.from(), shown.to(), clock.instant());
        Instant at = Requests.asOf(shown.asOf(), clock.instant());
        int days = noIssueDays(shown.noIssueDays());
        List<YearMonth> months = months(shown.fromMonth(), shown.toMonth());
        DepotScope scope = scopes.of(caller, Requests.depotCode(depot));

        ReportTable byDepot = new ReportTable(ROWS, "carryingCost");
        reports.carryingCost(period[0], period[1], GroupBy.DEPOT, scope, byDepot);
        ReportTable byCategory = new ReportTable(ROWS, "carryingCost");
        reports.carryingCost(period[0], period[1], GroupBy.CATEGORY, scope, byCategory);
        List<Month> monthly = monthly(months, scope);
        ReportTable valuation = new ReportTable(ROWS, "value");
        reports.valuation(at, GroupBy.DEPOT, scope, valuation);
        ReportTable excess = new ReportTable(ROWS, null);
        positions.excess(at, scope, excess);
        ReportTable dead = new ReportTable(ROWS, null);
        positions.deadStock(at, days, scope, dead);
        ReportTable repairs = new ReportTable(ROWS, null);
        turnaround.write(period[0], period[1], scope, repairs);

        List<String> labels = monthly.stream().map(month -> month.month().toString()).toList();
        List<Charts.Point> points = new ArrayList<>();
        for (int i = 0; i < monthly.size(); i++) {
            points.add(new Charts.Point(i, monthly.get(i).carryingCost().doubleValue(),
                    labels.get(i) + ": " + monthly.get(i).carryingCost().toPlainString()));
        }
        Charts.LineChart monthChart = Charts.lines("Carrying cost by month", "Carrying cost", labels,
                List.of(new Charts.Series("Carrying cost", points)));
        List<Charts.Bar> spread = List.of(
                new Charts.Bar("mean", repairs.totalOf("meanHours")),
                new Charts.Bar("p50", repairs.totalOf("p50Hours")),
                new Charts.Bar("p90", repairs.totalOf("p90Hours")));
        return new ReportsView(Nav.of(request), shown, at.toString(), byDepot, byCategory, monthly, valuation, excess,
                dead, repairs, Charts.bars("Carrying cost by depot", byDepot.bars()),
                Charts.bars("Carrying cost by category", byCategory.bars()), monthChart,
                Charts.bars("Turnaround hours, all depots: mean, median and 90th percentile", spread),
                Charts.bars("Turnaround hours by depot, 90th percentile", repairs.bars("p90Hours")));
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
        Integer days = blank(noIssueDays) ? null : noIssueDays(noIssueDays);
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

    /** Each month's exact carrying cost over [month start, min(next month, now)); months not begun are left out. */
    private List<Month> monthly(List<YearMonth> months, DepotScope scope) {
        Instant now = clock.instant();
        List<Month> monthly = new ArrayList<>();
        for (YearMonth month : months) {
            Instant start = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            if (!start.isBefore(now)) {
                break;
            }
            Instant next = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant end = next.isAfter(now) ? now : next;
            ReportTable table = new ReportTable(0, null);
            reports.carryingCost(start, end, GroupBy.DEPOT, scope, table);
            monthly.add(new Month(month.toString(), month.atDay(1).toString(), month.plusMonths(1).atDay(1).toString(),
                    table.totalOf("averageInventoryValue"), table.totalOf("carryingCost")));
        }
        return monthly;
    }

    private static int noIssueDays(String value) {
        int days;
        try {
            days = Integer.parseInt(value.strip());
        } catch (NumberFormatException notNumber) {
            days = -1;
        }
        if (days < 1 || days > MAX_NO_ISSUE_DAYS) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "noIssueDays must be between 1 and "
                    + MAX_NO_ISSUE_DAYS, Map.of("field", "noIssueDays"));
        }
        return days;
    }

    private static List<YearMonth> months(String from, String to) {
        YearMonth first = month("fromMonth", from);
        YearMonth last = month("toMonth", to);
        if (last.isBefore(first)) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "toMonth must not be before fromMonth",
                    Map.of("field", "toMonth"));
        }
        if (first.plusMonths(MAX_MONTHS - 1).isBefore(last)) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "at most " + MAX_MONTHS + " months at once",
                    Map.of("field", "toMonth"));
        }
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            months.add(month);
        }
        return months;
    }

    private static YearMonth month(String field, String value) {
        try {
            YearMonth month = YearMonth.parse(value);
            Requests.instant(field, month.atDay(1).toString());
            return month;
        } catch (DateTimeParseException malformed) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, field + " must be a month (YYYY-MM)",
                    Map.of("field", field));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The page's parameters as shown in its forms and links. */
    public record Parameters(String from, String to, String asOf, String noIssueDays, String depot,
            String fromMonth, String toMonth) {
    }

    /** One month of the month-by-month table; from and to bound its CSV. */
    public record Month(String month, String from, String to, BigDecimal averageInventoryValue,
            BigDecimal carryingCost) {
    }

    /** The reports page. */
    public static final class ReportsView extends PageView {
        private final Parameters parameters;
        private final String asOfUsed;
        private final ReportTable byDepot;
        private final ReportTable byCategory;
        private final List<Month> monthly;
        private final ReportTable valuation;
        private final ReportTable excess;
        private final ReportTable deadStock;
        private final ReportTable turnaround;
        private final Charts.BarChart depotChart;
        private final Charts.BarChart categoryChart;
        private final Charts.LineChart monthChart;
        private final Charts.BarChart turnaroundChart;
        private final Charts.BarChart turnaroundByDepotChart;

        ReportsView(Nav nav, Parameters parameters, String asOfUsed, ReportTable byDepot, ReportTable byCategory,
                List<Month> monthly, ReportTable valuation, ReportTable excess, ReportTable deadStock,
                ReportTable turnaround, Charts.BarChart depotChart, Charts.BarChart categoryChart,
                Charts.LineChart monthChart, Charts.BarChart turnaroundChart, Charts.BarChart turnaroundByDepotChart) {
            super("reports", "Reports", nav);
            this.parameters = parameters;
            this.asOfUsed = asOfUsed;
            this.byDepot = byDepot;
            this.byCategory = byCategory;
            this.monthly = monthly;
            this.valuation = valuation;
            this.excess = excess;
            this.deadStock = deadStock;
            this.turnaround = turnaround;
            this.depotChart = depotChart;
            this.categoryChart = categoryChart;
            this.monthChart = monthChart;
            this.turnaroundChart = turnaroundChart;
            this.turnaroundByDepotChart = turnaroundByDepotChart;
        }

        public Parameters getParameters() {
            return parameters;
        }

        public String getAsOfUsed() {
            return asOfUsed;
        }

        public ReportTable getByDepot() {
            return byDepot;
        }

        public ReportTable getByCategory() {
            return byCategory;
        }

        public List<Month> getMonthly() {
            return monthly;
        }

        public ReportTable getValuation() {
            return valuation;
        }

        public ReportTable getExcess() {
            return excess;
        }

        public ReportTable getDeadStock() {
            return deadStock;
        }

        public ReportTable getTurnaround() {
            return turnaround;
        }

        public Charts.BarChart getDepotChart() {
            return depotChart;
        }

        public Charts.BarChart getCategoryChart() {
            return categoryChart;
        }

        public Charts.LineChart getMonthChart() {
            return monthChart;
        }

        public Charts.BarChart getTurnaroundChart() {
            return turnaroundChart;
        }

        public Charts.BarChart getTurnaroundByDepotChart() {
            return turnaroundByDepotChart;
        }
    }
}
