package org.spares.api.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spares.db.SqlErrors;
import org.spares.domain.ErrorCode;

/**
 * Anything else. The database being unreachable is 503 (the client may retry); every other failure is 500 with
 * an error id that the log line carries too, so support can find it. The body never holds the cause.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        if (SqlErrors.isUnavailable(exception)) {
            LOG.warn("database unavailable: {}", SqlErrors.describeCause(exception));
            return Response.fromResponse(ErrorBody.response(ErrorCode.UNAVAILABLE,
                    "the database is unavailable; retry shortly", Map.of("retryable", true)))
                    .header("Retry-After", "1").build();
        }
        if (SqlErrors.isRetryable(exception)) {
            return ErrorBody.response(ErrorCode.UNAVAILABLE, "the database is busy; retry the request",
                    Map.of("retryable", true));
        }
        String errorId = UUID.randomUUID().toString();
        LOG.error("unexpected failure, errorId={}", errorId, exception);
        return ErrorBody.response(ErrorCode.INTERNAL_ERROR, "the service failed; quote errorId " + errorId,
                Map.of("errorId", errorId));
    }
}
