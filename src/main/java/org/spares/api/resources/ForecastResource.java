package org.spares.api.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import org.spares.api.dto.ForecastDtos.ForecastRequest;
import org.spares.api.dto.ForecastDtos.ForecastView;
import org.spares.domain.Caller;
import org.spares.forecast.Forecast;
import org.spares.service.ForecastService;

/** Forecasts of a demand history sent in the body (FORECASTING.md): nothing is read from or written to stock. */
@Path("/api/v1/forecast")
@Tag(name = "Forecasts", description = "Demand forecasts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ForecastResource {
    private final ForecastService forecasts;
    private final IdempotentPosts posts;

    public ForecastResource(ForecastService forecasts, IdempotentPosts posts) {
        this.forecasts = forecasts;
        this.posts = posts;
    }

    /** 200 with the forecast; 400 VALIDATION_FAILED naming the field; 403 for technicians. */
    @POST
    @RolesAllowed({"ADMIN", "MANAGER", "FINANCE"})
    @Operation(operationId = "forecastDemand", tags = "Forecasts",
            summary = "Forecast a demand history sent in the body",
            responses = {
            @ApiResponse(responseCode = "200", description = "The forecast",
                    content = @Content(schema = @Schema(implementation = ForecastView.class)))})
    public Response forecast(@Auth Caller caller, @HeaderParam("Idempotency-Key") String key, @Context UriInfo uri,
            @NotNull @Valid ForecastRequest body) {
        return posts.answer(caller, key, uri, body, (Forecast forecast) -> Outcome.ok(ForecastView.of(forecast)),
                once -> forecasts.forecast(body.history(), once));
    }
}
