package org.spares.pages;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.spares.domain.Caller;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;
import org.spares.service.PageSessions;
import org.spares.service.Tokens;

/**
 * Signing in and out of the pages. The sign-in form has no session to carry an anti-forgery token, so it uses a
 * double-submit token instead: the form page sets a random {@code spares_signin} cookie and puts the same value in
 * a hidden field; a post whose field does not match its cookie is refused (a forged cross-site post cannot read
 * or set the cookie). Failed sign-ins are limited per name and address ({@link SignInThrottle}).
 */
@Path("/ui")
@Produces(MediaType.TEXT_HTML)
public final class SignInResource {
    static final String SIGN_IN_COOKIE = "spares_signin";

    private final PageSessions sessions;
    private final SignInThrottle throttle;

    public SignInResource(PageSessions sessions, SignInThrottle throttle) {
        this.sessions = sessions;
        this.throttle = throttle;
    }

    /** The sign-in form; a person already signed in goes straight on. */
    @GET
    @Path("login")
    public Response form(@QueryParam("next") String next, @Context ContainerRequestContext request) {
        if (Nav.of(request).isSignedIn()) {
            return Response.seeOther(URI.create(onward(next, Nav.of(request).caller()))).build();
        }
        return signInPage(next, null, 200, request);
    }

    /** Opens a session and goes to {@code next} (a page of this site) or the role's home page. */
    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("name") String name, @FormParam("password") String password,
            @FormParam("csrf") String csrf, @FormParam("next") String next,
            @CookieParam(SIGN_IN_COOKIE) String cookie, @Context HttpServletRequest servlet,
            @Context ContainerRequestContext request) {
        if (cookie == null || !PageSessionFilter.matches(cookie, csrf)) {
            throw new DomainException(ErrorCode.FORBIDDEN,
                    "the sign-in form has expired or came from elsewhere; reload it and try again",
                    Map.of("field", PageSessionFilter.CSRF_FIELD));
        }
        String address = servlet.getRemoteAddr();
        long wait = throttle.wait(name, address);
        if (wait > 0) {
            long minutes = Math.max(1, (wait + 59_999_999_999L) / 60_000_000_000L);
            return signInPage(next, "Too many failed sign-ins. Try again in " + minutes + " minute"
                    + (minutes == 1 ? "" : "s") + ".", 429, request);
        }
        Optional<PageSessions.Opened> opened = sessions.open(name, password);
        if (opened.isEmpty()) {
            throttle.failed(name, address);
            return signInPage(next, "That name and password do not match an active user.", 401, request);
        }
        boolean secure = request.getSecurityContext().isSecure();
        return Response.seeOther(URI.create(onward(next, opened.get().caller())))
                .cookie(sessionCookie(opened.get().token(), secure), cookie(SIGN_IN_COOKIE, "", 0, secure))
                .build();
    }

    /** Ends the session, here and on every instance, and forgets the cookie. */
    @POST
    @Path("logout")
    @RolesAllowed({"ADMIN", "MANAGER", "TECHNICIAN", "FINANCE"})
    public Response signOut(@CookieParam(PageSessionFilter.COOKIE) String session,
            @Context ContainerRequestContext request) {
        sessions.close(session);
        return Response.seeOther(Pages.SIGN_IN)
                .cookie(cookie(PageSessionFilter.COOKIE, "", 0, request.getSecurityContext().isSecure()))
                .build();
    }

    /**
     * The session's id: HttpOnly (no script reads it), SameSite=Lax (other sites' posts do not carry it), for the
     * pages' paths only (never sent to the API), Secure when the request came over HTTPS; no expiry of its own, the
     * server ends it after the idle timeout.
     */
    private static NewCookie sessionCookie(String token, boolean secure) {
        return new NewCookie.Builder(PageSessionFilter.COOKIE).value(token).path(Pages.ROOT).httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).secure(secure).build();
    }

    private static NewCookie cookie(String name, String value, int maxAge, boolean secure) {
        return new NewCookie.Builder(name).value(value).path(name.equals(SIGN_IN_COOKIE) ? Pages.ROOT + "/login"
                : Pages.ROOT).maxAge(maxAge).httpOnly(true).sameSite(NewCookie.SameSite.LAX).secure(secure).build();
    }

    private Response signInPage(String next, String problem, int status, ContainerRequestContext request) {
        String token = Tokens.newToken();
        return Response.status(status)
                .entity(new SignInView(token, safeNext(next), problem, Nav.of(request)))
                .cookie(cookie(SIGN_IN_COOKIE, token, -1, request.getSecurityContext().isSecure()))
                .build();
    }

    private static String onward(String next, Caller caller) {
        String safe = safeNext(next);
        return safe.isEmpty() ? Nav.home(caller) : safe;
    }

    /** Only a path of the pages themselves: never another site ("//evil", "https://..."), never the API. */
    static String safeNext(String next) {
        if (next == null || !(next.equals(Pages.ROOT) || next.startsWith(Pages.ROOT + "/")) || next.contains("\\")
                || next.startsWith(Pages.ROOT + "/login")) {
            return "";
        }
        return next;
    }

    /** The sign-in page. */
    public static final class SignInView extends PageView {
        private final String token;
        private final String next;
        private final String problem;

        SignInView(String token, String next, String problem, Nav nav) {
            super("login", "Sign in", nav);
            this.token = token;
            this.next = next;
            this.problem = problem;
        }

        public String getToken() {
            return token;
        }

        public String getNext() {
            return next;
        }

        public String getProblem() {
            return problem == null ? "" : problem;
        }
    }
}
