package org.spares.pages;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.spares.domain.Caller;
import org.spares.domain.Depot;
import org.spares.service.DepotService;

/**
 * The way in: {@code /ui} leads to the signed-in role's first page; and the depot list. Every page resource is
 * rooted at {@code /ui} (Jersey merges resources of one root path; a longer root would hide the shorter one's
 * pages below it).
 */
@Path("/ui")
@Produces(MediaType.TEXT_HTML)
public final class HomeResource {
    private static final int MAX_DEPOTS = 500;

    private final DepotService depots;

    public HomeResource(DepotService depots) {
        this.depots = depots;
    }

    /** 303 to the page this role starts on; to sign-in first when signed out. */
    @GET
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN", "FINANCE"})
    public Response home(@Auth Caller caller) {
        return Response.seeOther(URI.create(Nav.home(caller))).build();
    }

    /** The depots in the caller's scope, each with its dashboard, stock and repair orders. */
    @GET
    @Path("depots")
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN", "FINANCE"})
    public DepotsView depots(@Auth Caller caller, @Context ContainerRequestContext request) {
        return new DepotsView(depots.page(caller, 0, MAX_DEPOTS), Nav.of(request));
    }

    /** The depot list page. */
    public static final class DepotsView extends PageView {
        private final List<Depot> depots;

        DepotsView(List<Depot> depots, Nav nav) {
            super("depots", "Depots", nav);
            this.depots = depots;
        }

        public List<Depot> getDepots() {
            return depots;
        }
    }
}
