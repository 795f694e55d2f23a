package org.spares.api.resources;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.spares.api.ListCsv;
import org.spares.api.Requests;
import org.spares.api.dto.ReportDtos.ReportView;
import org.spares.domain.Caller;
import org.spares.domain.DepotScope;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;
import org.spares.report.CsvReportWriter;
import org.spares.report.GroupBy;
import org.spares.report.JsonReportWriter;
import org.spares.report.ReportWriter;
import org.spares.service.PositionReports;
import org.spares.service.ReportScopes;
import org.spares.service.ReportService;
import org.spares.service.TurnaroundReport;

/**
 * Finance reports (docs/REFERENCE.md "Reports"). JSON by default; CSV with {@code Accept: text/csv} or {@code ?format=csv}.
 * Both are streamed. FINANCE and ADMIN see every depot; a MANAGER sees only rows of their depots, and an explicit
 * {@code depot} outside them is 403. Bad parameters are 400 VALIDATION_FAILED; an unknown depot is 404.
 */
@Path("/api/v1/reports")
@Tag(name = "Reports", description = "Finance reports (JSON or CSV)")
@Produces({MediaType.APPLICATION_JSON, ListCsv.TEXT_CSV})
@RolesAllowed({"ADMIN", "MANAGER", "FINANCE"})
public class ReportResource {
    private static final int MAX_NO_ISSUE_DAYS = 36_500;

    private final ReportService reports;
    private final PositionReports positions;
    private final TurnaroundReport turnaround;
    private final ReportScopes scopes;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final ListCsv csv;

    public ReportResource(ReportService reports, PositionReports positions, TurnaroundReport turnaround,
            ReportScopes scopes, ObjectMapper mapper, Clock clock) {
        this.reports = reports;
        this.positions = positions;
        this.turnaround = turnaround;
        this.scopes = scopes;
        this.mapper = mapper;
        this.clock = clock;
        this.csv = new ListCsv(mapper, clock);
    }

    /**
     * 200 {from, to, rows, total}: exact carrying cost over [from, min(to, now)), by depot, part, category or month;
     * 400 for an empty period.
     */
    @GET
    @Path("/carrying-cost")
    @Operation(operationId = "carryingCostReport", tags = "Reports",
            summary = "Exact carrying cost over a period",
            parameters = @Parameter(name = "groupBy", in = ParameterIn.QUERY,
                    description = "One row per depot, part, category or calendar month (UTC; the first and last cut"
                    + " to the period)", schema = @Schema(implementation = String.class,
                    allowableValues = {"depot", "part", "category", "month"}, defaultValue = "depot")),
            responses = {
            @ApiResponse(responseCode = "200",
                    description = "The report: JSON (with ?format=json or Accept: application/json) or CSV",
                    content = {@Content(mediaType = "application/json",
                            schema = @Schema(implementation = ReportView.class)),
                        @Content(mediaType = "text/csv", schema = @Schema(types = "string"))})})
    public Response carryingCost(@Auth Caller caller, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("groupBy") String groupBy, @QueryParam("depot") String depot,
            @QueryParam("format") String format, @Context HttpHeaders headers) {
        Instant[] period = Requests.period(from, to, clock.instant());
        Optional<GroupBy> grouping = GroupBy.parseOverPeriod(groupBy);
        DepotScope scope = scope(caller, depot);
        return answer("carrying-cost", format, headers, out -> grouping.ifPresentOrElse(
                by -> reports.carryingCost(period[0], period[1], by, scope, out),
                () -> reports.carryingCostByMonth(period[0], period[1], scope, out)));
    }

    /** 200 {asOf, rows, total}: units and value on hand and in transit at asOf (default now, capped at now). */
    @GET
    @Path("/valuation")
    @Operation(operationId = "valuationReport", tags = "Reports",
            summary = "Units and value on hand and in transit",
            responses = {
            @ApiResponse(responseCode = "200",
                    description = "The report: JSON (with ?format=json or Accept: application/json) or CSV",
                    content = {@Content(mediaType = "application/json",
                            schema = @Schema(implementation = ReportView.class)),
                        @Content(mediaType = "text/csv", schema = @Schema(types = "string"))})})
    public Response valuation(@Auth Caller caller, @QueryParam("asOf") String asOf,
            @QueryParam("groupBy") String groupBy, @QueryParam("depot") String depot,
            @QueryParam("format") String format, @Context HttpHeaders headers) {
        Instant at = Requests.asOf(asOf, clock.instant());
        GroupBy grouping = GroupBy.parse(groupBy);
        DepotScope scope = scope(caller, depot);
        return answer("valuation", format, headers, out -> reports.valuation(at, grouping, scope, out));
    }

    /** 200 {asOf, rows, total}: positions above their target level at asOf. */
    @GET
    @Path("/excess")
    @Operation(operationId = "excessReport", tags = "Reports",
            summary = "Positions above their target level",
            responses = {
            @ApiResponse(responseCode = "200",
                    description = "The report: JSON (with ?format=json or Accept: application/json) or CSV",
                    content = {@Content(mediaType = "application/json",
                            schema = @Schema(implementation = ReportView.class)),
                        @Content(mediaType = "text/csv", schema = @Schema(types = "string"))})})
    public Response excess(@Auth Caller caller, @QueryParam("asOf") String asOf, @QueryParam("depot") String depot,
            @QueryParam("format") String format, @Context HttpHeaders headers) {
        Instant at = Requests.asOf(asOf, clock.instant());
        DepotScope scope = scope(caller, depot);
        return answer("excess", format, headers, out -> positions.excess(at, scope, out));
    }

    /** 200 {asOf, noIssueDays, rows, total}: positions with stock and no ISSUE in (asOf - noIssueDays, asOf]. */
    @GET
    @Path("/dead-stock")
    @Operation(operationId = "deadStockReport", tags = "Reports",
            summary = "Positions with stock and no issue for noIssueDays",
            parameters = {
            @Parameter(name = "noIssueDays", in = ParameterIn.QUERY, description = "Days without an ISSUE",
                    schema = @Schema(minimum = "1", maximum = "36500", defaultValue = "180"))},
            responses = {
            @ApiResponse(responseCode = "200",
                    description = "The report: JSON (with ?format=json or Accept: application/json) or CSV",
                    content = {@Content(mediaType = "application/json",
                            schema = @Schema(implementation = ReportView.class)),
                        @Content(mediaType = "text/csv", schema = @Schema(types = "string"))})})
    public Response deadStock(@Auth Caller caller, @QueryParam("asOf") String asOf,
            @QueryParam("noIssueDays") Integer noIssueDays, @QueryParam("depot") String depot,
            @QueryParam("format") String format, @Context HttpHeaders headers) {
        Instant at = Requests.asOf(asOf, clock.instant());
        int days = noIssueDays == null ? 180 : noIssueDays;
        if (days < 1 || days > MAX_NO_ISSUE_DAYS) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "noIssueDays must be between 1 and "
                    + MAX_NO_ISSUE_DAYS, Map.of("field", "noIssueDays"));
        }
        DepotScope scope = scope(caller, depot);
        return answer("dead-stock", format, headers, out -> positions.deadStock(at, days, scope, out));
    }

    /** 200 {from, to, rows, total}: repair orders completed in [from, min(to, now)), per depot. */
    @GET
    @Path("/turnaround")
    @Operation(operationId = "turnaroundReport", tags = "Reports",
            summary = "Repair turnaround per depot over a period",
            responses = {
            @ApiResponse(responseCode = "200",
                    description = "The report: JSON (with ?format=json or Accept: application/json) or CSV",
                    content = {@Content(mediaType = "application/json",
                            schema = @Schema(implementation = ReportView.class)),
                        @Content(mediaType = "text/csv", schema = @Schema(types = "string"))})})
    public Response turnaround(@Auth Caller caller, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("depot") String depot, @QueryParam("format") String format, @Context HttpHeaders headers) {
        Instant[] period = Requests.period(from, to, clock.instant());
        DepotScope scope = scope(caller, depot);
        return answer("turnaround", format, headers, out -> turnaround.write(period[0], period[1], scope, out));
    }

    /** 200 {from, to, rows, total}: the same orders counted by turnaround in fixed buckets of hours. */
    @GET
    @Path("/turnaround-distribution")
    @Operation(operationId = "turnaroundDistributionReport", tags = "Reports",
            summary = "How many repair orders took how long, in fixed buckets of hours",
            responses = {
            @ApiResponse(responseCode = "200",
                    description = "The report: JSON (with ?format=json or Accept: application/json) or CSV",
                    content = {@Content(mediaType = "application/json",
                            schema = @Schema(implementation = ReportView.class)),
                        @Content(mediaType = "text/csv", schema = @Schema(types = "string"))})})
    public Response turnaroundDistribution(@Auth Caller caller, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("depot") String depot, @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        Instant[] period = Requests.period(from, to, clock.instant());
        DepotScope scope = scope(caller, depot);
        return answer("turnaround-distribution", format, headers,
                out -> turnaround.distribution(period[0], period[1], scope, out));
    }

    private DepotScope scope(Caller caller, String depot) {
        return scopes.of(caller, Requests.depotCode(depot));
    }

    private Response answer(String name, String format, HttpHeaders headers, Consumer<ReportWriter> report) {
        if (ListCsv.wanted(format, headers)) {
            return csv.attachment(name, out -> report.accept(new CsvReportWriter(out)));
        }
        StreamingOutput body = out -> report.accept(new JsonReportWriter(mapper, out));
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }
}
