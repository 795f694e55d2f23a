package org.spares.api.resources;

import io.swagger.v3.jaxrs2.integration.resources.BaseOpenApiResource;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.ServletConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The OpenAPI description of every endpoint, at /api/v1/openapi.json (docs/REFERENCE.md "API description and clients"). Deliberately public (no role annotation, so
 * no auth filter): it holds no data, and clients need it before they have a token.
 */
@Path("/api/v1/openapi.json")
public class OpenApiDescription extends BaseOpenApiResource {
    @Context
    private ServletConfig config;

    @Context
    private Application application;

    /** 200 with the OpenAPI 3 document. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response describe(@Context HttpHeaders headers, @Context UriInfo uriInfo) throws Exception {
        return super.getOpenApi(headers, config, application, uriInfo, "json");
    }
}
