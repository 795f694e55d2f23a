package org.spares.api.filters;

import com.codahale.metrics.Meter;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.spares.api.auth.BearerHeaderFilter;
import org.spares.api.auth.TokenAuthenticator;
import org.spares.api.errors.ErrorBody;
import org.spares.api.errors.UnexpectedExceptionMapper;
import org.spares.domain.Caller;
import org.spares.domain.ErrorCode;

/**
 * Checks the bearer token of a request that carries a body before anything reads that body. A request without a
 * valid token is answered 401 at once and its connection closed, so a stranger can neither make the service hold
 * a megabyte for it nor keep a thread and a load-shedding slot busy by sending its body one byte at a time. The
 * caller found is handed to Jersey's {@link BearerHeaderFilter} (a request attribute), which then does not look the
 * token up again. Requests without a body go on as they are: Jersey's filter answers them, nothing waits on them.
 */
public class AuthenticateFirstFilter implements Filter {
    private final TokenAuthenticator authenticator;
    private final ObjectMapper mapper;
    /** Lookups run before load shedding, so they have their own bound: a flood of made-up tokens cannot take the pool. */
    private final Admission lookups;

    public AuthenticateFirstFilter(TokenAuthenticator authenticator, ObjectMapper mapper, int maxConcurrentLookups,
            long waitMillis, Meter rejected) {
        this.authenticator = authenticator;
        this.mapper = mapper;
        this.lookups = new Admission(maxConcurrentLookups, waitMillis, mapper, rejected);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        if (!RequestBodies.present(http)) {
            chain.doFilter(request, response);
            return;
        }
        if (!lookups.enter(1)) {
            // the body stays unread on the connection
            ((HttpServletResponse) response).setHeader("Connection", "close");
            lookups.refuse((HttpServletResponse) response);
            return;
        }
        Optional<Caller> caller;
        try {
            caller = Optional.ofNullable(BearerHeaderFilter.token(http.getHeader(HttpHeaders.AUTHORIZATION)))
                    .flatMap(authenticator::authenticate);
        } catch (RuntimeException lookupFailed) {
            // The token could not be checked (database down, say): the same answer Jersey would give.
            answer((HttpServletResponse) response, new UnexpectedExceptionMapper().toResponse(lookupFailed));
            return;
        } finally {
            lookups.leave(1);
        }
        if (caller.isEmpty()) {
            answer((HttpServletResponse) response, Response.fromResponse(ErrorBody.response(
                    ErrorCode.UNAUTHENTICATED, "a valid bearer token is required", Map.of()))
                    .header("WWW-Authenticate", "Bearer realm=\"spares\"").build());
            return;
        }
        request.setAttribute(BearerHeaderFilter.AUTHENTICATED, caller.get());
        chain.doFilter(request, response);
    }

    /** Writes a refusal; the unread body stays on the connection, so the connection is closed after it. */
    private void answer(HttpServletResponse response, Response answer) throws IOException {
        response.setStatus(answer.getStatus());
        answer.getStringHeaders().forEach((name, values) -> response.setHeader(name, values.get(0)));
        response.setContentType("application/json");
        response.setHeader("Connection", "close");
        mapper.writeValue(response.getOutputStream(), answer.getEntity());
    }
}
