package org.spares.api.filters;

import com.codahale.metrics.Meter;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Admits at most a fixed number of API requests at once. One more waits a short, bounded time for a slot, then is
 * answered {@code 503 UNAVAILABLE} with {@code Retry-After}. Past saturation, more requests in flight only queue on
 * the database pool and the CPU and make every answer slow; refusing the excess at once keeps the admitted ones
 * fast and tells clients early to back off, instead of letting them time out after seconds.
 * Not Jetty's {@code QoSHandler}: it runs before the servlet filters, so its slot would be taken before the token is
 * checked and the body read whole, and a slow sender would hold one (SlowSenderTest).
 */
public class LoadSheddingFilter implements Filter {
    private final Admission slots;

    public LoadSheddingFilter(int maxConcurrent, long waitMillis, ObjectMapper mapper, Meter rejected) {
        this.slots = new Admission(maxConcurrent, waitMillis, mapper, rejected);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!slots.enter(1)) {
            slots.refuse((HttpServletResponse) response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            slots.leave(1);
        }
    }
}
