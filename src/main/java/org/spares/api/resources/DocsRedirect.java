package org.spares.api.resources;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * {@code /} and {@code /api/v1} lead a person to the API's pages: there are no other pages yet, so both answer
 * 303 to Swagger UI at {@code /api/docs/}. Public (no role annotation) and not part of the described API.
 */
@Path("/")
@Hidden
public class DocsRedirect {
    private static final URI DOCS = URI.create("/api/docs/");

    /** 303 to the API's pages. */
    @GET
    public Response root() {
        return Response.seeOther(DOCS).build();
    }

    /** 303 to the API's pages. */
    @GET
    @Path("api/v1")
    public Response api() {
        return Response.seeOther(DOCS).build();
    }
}
