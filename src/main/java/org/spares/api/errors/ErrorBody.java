package org.spares.api.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.spares.domain.ErrorCode;

/** The one error body (docs/API.md "Errors"): {@code {"status", "error", "message", "details"}}. */
public record ErrorBody(int status, String error, String message, Map<String, Object> details) {
    public ErrorBody {
        details = details == null ? Map.of() : details;
    }

    public static Response response(ErrorCode code, int status, String message, Map<String, Object> details) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(status, code.name(), message, details))
                .build();
    }

    public static Response response(ErrorCode code, String message, Map<String, Object> details) {
        return response(code, code.status(), message, details);
    }
}
