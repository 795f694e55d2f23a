package org.spares.api.auth;

import io.dropwizard.auth.AuthFilter;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import org.spares.domain.Caller;

/**
 * Bearer tokens from the Authorization header only. Dropwizard's OAuthCredentialAuthFilter also takes
 * {@code ?access_token=}, which puts the secret into the request line: request logs, proxy logs, browser history
 * and Referer headers keep it. A token in the query string is ignored here, so such a request is 401.
 *
 * <p>A request with a body was already authenticated by the servlet filter in front (before its body was read);
 * its caller arrives as the request attribute {@link #AUTHENTICATED} and is not looked up a second time.
 */
@Priority(Priorities.AUTHENTICATION)
public final class BearerHeaderFilter extends AuthFilter<String, Caller> {
    public static final String AUTHENTICATED = "org.spares.api.auth.caller";
    private static final String SCHEME = "Bearer";

    private BearerHeaderFilter() {
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getProperty(AUTHENTICATED) instanceof Caller known) {
            request.setSecurityContext(securityContext(request, known));
            return;
        }
        if (!authenticate(request, token(request.getHeaderString(HttpHeaders.AUTHORIZATION)), SCHEME)) {
            throw unauthorizedHandler.buildException(prefix, realm);
        }
    }

    /** The token of an {@code Authorization: Bearer <token>} header (the scheme in any case, RFC 6750), or null. */
    public static String token(String header) {
        if (header == null) {
            return null;
        }
        int space = header.indexOf(' ');
        if (space <= 0 || !SCHEME.equalsIgnoreCase(header.substring(0, space))) {
            return null;
        }
        return header.substring(space + 1).trim();
    }

    /** What {@link AuthFilter#authenticate} installs, for a caller found before: roles through the authorizer. */
    private SecurityContext securityContext(ContainerRequestContext request, Caller caller) {
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return caller;
            }

            @Override
            public boolean isUserInRole(String role) {
                return authorizer.authorize(caller, role, request);
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return SCHEME;
            }
        };
    }

    /** Builds the filter with Dropwizard's builder (authenticator, authorizer, prefix, realm, 401 handler). */
    public static final class Builder extends AuthFilterBuilder<String, Caller, BearerHeaderFilter> {
        @Override
        protected BearerHeaderFilter newInstance() {
            return new BearerHeaderFilter();
        }
    }
}
