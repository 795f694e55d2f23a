package org.spares.pages;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** {@code /} leads a person to the pages (the API's own pages are at {@code /api/docs/}). */
@Path("/")
public final class RootRedirect {
    /** 303 to {@code /ui}. */
    @GET
    public Response root() {
        return Response.seeOther(URI.create(Pages.ROOT)).build();
    }
}
