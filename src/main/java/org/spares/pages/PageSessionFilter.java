package org.spares.pages;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.glassfish.jersey.server.ContainerRequest;
import org.spares.api.auth.BearerHeaderFilter;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;
import org.spares.service.PageSessions;

/**
 * Signs a page request in from its session cookie, and refuses a forged one. For paths under {@code /ui} only: the
 * API never takes the cookie, so a page a user visits elsewhere cannot make their browser call the API as them.
 *
 * <p>The caller found is handed on as {@link BearerHeaderFilter#AUTHENTICATED}, so the pages' resources are
 * guarded by the very {@code @RolesAllowed} and {@code @Auth} machinery of the API: a role or depot the API
 * refuses, a page refuses the same way. A request without a live session passes on unauthenticated and is refused
 * (401, turned into the sign-in page by {@link PageErrors}) wherever a role is needed.
 *
 * <p>Every request that changes something (any method but GET and HEAD) must carry the session's anti-forgery
 * token: as the {@code X-CSRF-Token} header (htmx sends it from the page's {@code hx-headers}) or as the form field
 * {@code csrf}. Without it: 403, before any resource runs. Sign-in itself has no session yet; {@link SignInResource}
 * checks its own token.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class PageSessionFilter implements ContainerRequestFilter {
    public static final String COOKIE = "spares_session";
    public static final String SESSION = "org.spares.pages.session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "csrf";
    private static final Set<String> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD);

    private final PageSessions sessions;

    public PageSessionFilter(PageSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!Pages.isPagePath(request)) {
            return;
        }
        Cookie cookie = request.getCookies().get(COOKIE);
        Optional<PageSessions.Live> live = cookie == null ? Optional.empty() : sessions.find(cookie.getValue());
        live.ifPresent(session -> {
            request.setProperty(BearerHeaderFilter.AUTHENTICATED, session.caller());
            request.setProperty(SESSION, session);
        });
        if (SAFE.contains(request.getMethod()) || Pages.isSignIn(request)) {
            return;
        }
        if (live.isEmpty()) {
            throw new DomainException(ErrorCode.UNAUTHENTICATED, "your session has ended; sign in again", Map.of());
        }
        if (!matches(live.get().csrfToken(), presentedToken(request))) {
            throw new DomainException(ErrorCode.FORBIDDEN,
                    "this form has no valid anti-forgery token; reload the page and try again",
                    Map.of("field", CSRF_FIELD));
        }
    }

    /** The header, else the form field (the body is buffered, so the resource still reads its fields). */
    static String presentedToken(ContainerRequestContext request) {
        String header = request.getHeaderString(CSRF_HEADER);
        if (header != null) {
            return header;
        }
        if (request.hasEntity() && MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(request.getMediaType())) {
            ContainerRequest jersey = (ContainerRequest) request;
            jersey.bufferEntity();
            return jersey.readEntity(Form.class).asMap().getFirst(CSRF_FIELD);
        }
        return null;
    }

    /** Constant-time, so the comparison's time tells nothing about how much of a guess was right. */
    static boolean matches(String expected, String presented) {
        return presented != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
