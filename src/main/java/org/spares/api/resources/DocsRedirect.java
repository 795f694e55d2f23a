package org.spares.api.resources;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * {@code /api/v1} leads a person to the API's pages: 303 to Swagger UI at {@code /api/docs/}. Public (no role
 * annotation) and not part of the described API. ({@code /} leads to the people's pages, under {@code /ui}.)
 */
@Path("/api/v1")
@Hidden
public class DocsRedirect {
    private static final URI DOCS = URI.create("/api/docs/");

    /** 303 to the API's pages. */
    @GET
    public Response api() {
        return Response.seeOther(DOCS).build();
    }
}
