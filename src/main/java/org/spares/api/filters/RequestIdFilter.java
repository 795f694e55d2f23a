package org.spares.api.filters;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Gives every request an id: the client's {@code X-Request-Id} when it is sane, else a new one. The id is
 * echoed in the response, put in the logging context (every log line of the request carries it) and written to
 * the ledger rows the request makes.
 * Not Dropwizard's {@code io.dropwizard.jersey.filter.RequestIdFilter}: a Jersey response filter, it sets the id as
 * the answer leaves, too late for the MDC and ledger rows and never for the servlet filters' 401, 413 and 503.
 */
public class RequestIdFilter implements Filter {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String given = ((HttpServletRequest) request).getHeader(HEADER);
        String requestId = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        ((HttpServletResponse) response).setHeader(HEADER, requestId);
        MDC.put(MDC_KEY, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /** The id of the request this thread serves, for ledger rows; "-" outside a request (commands, jobs). */
    public static String current() {
        String id = MDC.get(MDC_KEY);
        return id == null ? "-" : id;
    }
}
