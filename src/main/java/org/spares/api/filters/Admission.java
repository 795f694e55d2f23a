package org.spares.api.filters;

import com.codahale.metrics.Meter;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.spares.api.errors.ErrorBody;
import org.spares.domain.ErrorCode;

/**
 * A bounded resource that a request may wait a short time for, else is answered {@code 503 UNAVAILABLE} (reason
 * "overloaded", {@code Retry-After}). The one mechanism behind the request path's limits: load-shedding slots, the
 * token lookups made before a body is read, and the bytes of bodies held in memory.
 */
final class Admission {
    private final Semaphore permits;
    private final long waitMillis;
    private final ObjectMapper mapper;
    private final Meter rejected;

    Admission(int permits, long waitMillis, ObjectMapper mapper, Meter rejected) {
        this.permits = new Semaphore(permits);
        this.waitMillis = waitMillis;
        this.mapper = mapper;
        this.rejected = rejected;
    }

    /** Takes {@code count} permits, waiting at most the admission wait; false when they did not come. */
    boolean enter(int count) {
        try {
            return permits.tryAcquire(count, waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void leave(int count) {
        permits.release(count);
    }

    void refuse(HttpServletResponse response) throws IOException {
        rejected.mark();
        int status = ErrorCode.UNAVAILABLE.status();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setHeader("Retry-After", "1");
        mapper.writeValue(response.getOutputStream(), new ErrorBody(status, ErrorCode.UNAVAILABLE.name(),
                "the service is at capacity; retry shortly", Map.of("retryable", true, "reason", "overloaded")));
    }
}
