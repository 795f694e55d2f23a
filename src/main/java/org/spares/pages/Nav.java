package org.spares.pages;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.spares.api.auth.BearerHeaderFilter;
import org.spares.domain.Caller;
import org.spares.domain.Role;
import org.spares.service.PageSessions;

/**
 * What every page's frame shows: who is signed in, the links their role may follow (and only those), and the
 * session's anti-forgery token for its forms. {@link #may} answers the role question the templates ask before
 * showing a form; the resource behind the form asks it again with {@code @RolesAllowed}.
 */
public final class Nav {
    /** A link in the page's header. */
    public record Link(String label, String href, boolean current) {
    }

    private final Caller caller;
    private final String csrf;
    private final List<Link> links;

    private Nav(Caller caller, String csrf, String path) {
        this.caller = caller;
        this.csrf = csrf;
        this.links = caller == null ? List.of() : links(caller, "/" + path);
    }

    /** The frame of the page answering this request; signed out (no links) when it has no session. */
    public static Nav of(ContainerRequestContext request) {
        Caller caller = request.getProperty(BearerHeaderFilter.AUTHENTICATED) instanceof Caller found ? found : null;
        String csrf = request.getProperty(PageSessionFilter.SESSION) instanceof PageSessions.Live live
                ? live.csrfToken() : "";
        return new Nav(caller, csrf, request.getUriInfo().getPath());
    }

    /** The page a role starts on after signing in. */
    public static String home(Caller caller) {
        String depot = firstDepot(caller);
        return switch (caller.role()) {
            case MANAGER -> depot == null ? Pages.ROOT + "/depots" : Pages.ROOT + "/depots/" + depot;
            case TECHNICIAN -> Pages.ROOT + "/repair-orders?depot=" + depot;
            case FINANCE -> Pages.ROOT + "/reports";
            case ADMIN -> Pages.ROOT + "/depots";
        };
    }

    private static List<Link> links(Caller caller, String path) {
        String depot = firstDepot(caller);
        List<Link> links = new ArrayList<>();
        if (caller.role() == Role.MANAGER && depot != null && caller.depots().size() == 1) {
            add(links, path, "Depot", Pages.ROOT + "/depots/" + depot);
        } else {
            add(links, path, "Depots", Pages.ROOT + "/depots");
        }
        if (depot != null) {
            add(links, path, "Stock", Pages.ROOT + "/depots/" + depot + "/stock");
        }
        if (caller.hasRole(Role.MANAGER) || caller.hasRole(Role.TECHNICIAN)) {
            add(links, path, "Repair orders", Pages.ROOT + "/repair-orders" + (depot == null ? "" : "?depot=" + depot));
        }
        if (caller.hasRole(Role.MANAGER) || caller.hasRole(Role.FINANCE)) {
            add(links, path, "Optimizations", Pages.ROOT + "/optimizations");
            add(links, path, "Reports", Pages.ROOT + "/reports");
        }
        return List.copyOf(links);
    }

    private static void add(List<Link> links, String path, String label, String href) {
        String hrefPath = href.contains("?") ? href.substring(0, href.indexOf('?')) : href;
        links.add(new Link(label, href, path.equals(hrefPath)));
    }

    /** The caller's first depot by code; for an unscoped caller none (they pick from the depot list). */
    private static String firstDepot(Caller caller) {
        Set<String> sorted = new TreeSet<>(caller.depots());
        return sorted.isEmpty() ? null : sorted.iterator().next();
    }

    public boolean isSignedIn() {
        return caller != null;
    }

    public String getUser() {
        return caller == null ? "" : caller.name();
    }

    public String getRole() {
        return caller == null ? "" : caller.role().name();
    }

    public String getCsrf() {
        return csrf;
    }

    public List<Link> getLinks() {
        return links;
    }

    /** True when the signed-in caller holds the role (ADMIN holds every role), as {@code @RolesAllowed} asks. */
    public boolean may(String role) {
        return caller != null && caller.hasRole(Role.valueOf(role));
    }

    /** True when the caller's depot scope includes the depot. */
    public boolean sees(String depot) {
        return caller != null && caller.canSee(depot);
    }

    Caller caller() {
        return caller;
    }
}
