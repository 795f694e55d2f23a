package org.spares.api.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.spares.api.Page;
import org.spares.api.Requests;
import org.spares.api.dto.ForecastDtos.ForecastView;
import org.spares.api.dto.OptimizationDtos;
import org.spares.api.dto.StockDtos.NewPolicy;
import org.spares.api.dto.StockDtos.PolicyChangeView;
import org.spares.api.dto.StockDtos.PositionView;
import org.spares.domain.Caller;
import org.spares.domain.PolicyChange;
import org.spares.service.ForecastService;
import org.spares.service.PositionService;

/** One position of a depot and its policy. Reading roles see the depots in their scope; managers set policy. */
@Path("/api/v1/depots/{code}/stock/{sku}")
@Tag(name = "Stock", description = "Stock positions, their policy and forecast")
@Produces(MediaType.APPLICATION_JSON)
public class PositionResource {
    private final PositionService positions;
    private final ForecastService forecasts;

    public PositionResource(PositionService positions, ForecastService forecasts) {
        this.positions = positions;
        this.forecasts = forecasts;
    }

    /** One position; a position never stocked reads as zeros. 404 for an unknown depot or sku. */
    @GET
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN", "FINANCE"})
    @Operation(operationId = "getPosition", tags = "Stock",
            summary = "Read one stock position (zeros when never stocked)",
            responses = {
            @ApiResponse(responseCode = "200", description = "The position", useReturnTypeSchema = true)})
    public PositionView get(@Auth Caller caller, @PathParam("code") String code, @PathParam("sku") String sku) {
        return PositionView.of(positions.get(caller, code, sku));
    }

    /** Sets target level and reorder point with a reason: 200 with the position; 400/422 when the values clash. */
    @PUT
    @Path("/policy")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"ADMIN", "MANAGER"})
    @Operation(operationId = "setPolicy", tags = "Stock",
            summary = "Set a position's target level and reorder point",
            responses = {
            @ApiResponse(responseCode = "200", description = "The position with its new policy",
                    useReturnTypeSchema = true)})
    public PositionView setPolicy(@Auth Caller caller, @PathParam("code") String code, @PathParam("sku") String sku,
            @NotNull @Valid NewPolicy body) {
        return PositionView.of(positions.setPolicy(Requests.actor(caller), caller, code, sku, body.targetLevel(),
                body.reorderPoint(), body.reason().strip()));
    }

    /** Every policy change of the position, oldest first: who, when, old and new values, reason, source. */
    @GET
    @Path("/policy-history")
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN", "FINANCE"})
    @Operation(operationId = "listPolicyHistory", tags = "Stock",
            summary = "List a position's policy changes, oldest first",
            responses = {
            @ApiResponse(responseCode = "200", description = "A page of policy changes", useReturnTypeSchema = true)})
    public Page<PolicyChangeView> history(@Auth Caller caller, @PathParam("code") String code,
            @PathParam("sku") String sku, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        caller.requireDepot(code);
        int size = Page.limit(limit);
        return Page.of(positions.policyHistory(caller, code, sku, Page.after(cursor), size + 1), size,
                PolicyChange::id, PolicyChangeView::of);
    }

    /**
     * The forecast of the demand requested of the position over the last {@code historyDays} days (default 365, as a
     * run's); 400 naming {@code historyDays} shorter than one forecast bucket or over 3,650.
     */
    @GET
    @Path("/forecast")
    @RolesAllowed({"ADMIN", "MANAGER", "FINANCE"})
    @Operation(operationId = "forecastPosition", tags = "Forecasts",
            summary = "Forecast the demand of a position from its history",
            parameters = {
            @Parameter(name = "historyDays", in = ParameterIn.QUERY, description = "Days of history to read",
                    schema = @Schema(minimum = "1", maximum = "3650", defaultValue = "365"))},
            responses = {
            @ApiResponse(responseCode = "200", description = "The forecast", useReturnTypeSchema = true)})
    public ForecastView forecast(@Auth Caller caller, @PathParam("code") String code, @PathParam("sku") String sku,
            @QueryParam("historyDays") Integer historyDays) {
        return ForecastView.of(forecasts.position(caller, code, sku,
                historyDays == null ? OptimizationDtos.DEFAULT_HISTORY_DAYS : historyDays));
    }
}
