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
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.spares.api.errors.ErrorBody;
import org.spares.domain.ErrorCode;

/**
 * Admits at most a fixed number of API requests at once. One more waits a short, bounded time for a slot, then is
 * answered {@code 503 UNAVAILABLE} with {@code Retry-After}. Past saturation, more requests in flight only queue on
 * the database pool and the CPU and make every answer slow; refusing the excess at once keeps the admitted ones
 * fast and tells clients early to back off, instead of letting them time out after seconds.
 */
public class LoadSheddingFilter implements Filter {
    private final Semaphore slots;
    private final long waitMillis;
    private final ObjectMapper mapper;
    private final Meter rejected;

    public LoadSheddingFilter(int maxConcurrent, long waitMillis, ObjectMapper mapper, Meter rejected) {
        this.slots = new Semaphore(maxConcurrent);
        this.waitMillis = waitMillis;
        this.mapper = mapper;
        this.rejected = rejected;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean admitted;
        try {
            admitted = slots.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            refuse((HttpServletResponse) response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            slots.release();
        }
    }

    private void refuse(HttpServletResponse response) throws IOException {
        rejected.mark();
        int status = ErrorCode.UNAVAILABLE.status();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setHeader("Retry-After", "1");
        mapper.writeValue(response.getOutputStream(), new ErrorBody(status, ErrorCode.UNAVAILABLE.name(),
                "the service is at capacity; retry shortly", Map.of("retryable", true, "reason", "overloaded")));
    }
}
