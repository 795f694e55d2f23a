package org.spares.pages;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;

/** Where the pages live, and which requests are theirs. */
public final class Pages {
    public static final String ROOT = "/ui";
    public static final URI SIGN_IN = URI.create(ROOT + "/login");

    private Pages() {
    }

    /** True for {@code /ui} and everything under it. */
    public static boolean isPagePath(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return path.equals("ui") || path.startsWith("ui/");
    }

    static boolean isSignIn(ContainerRequestContext request) {
        return request.getUriInfo().getPath().equals("ui/login");
    }

    /** True when htmx sent the request (it swaps the answer into the page rather than loading a new one). */
    public static boolean isHtmx(ContainerRequestContext request) {
        return "true".equals(request.getHeaderString("HX-Request"));
    }
}
