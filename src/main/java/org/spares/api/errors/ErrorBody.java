package org.spares.api.errors;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.spares.domain.ErrorCode;

/** The one error body (docs/API.md "Errors"): {@code {"status", "error", "message", "details"}}. */
@Schema(name = "Error", description = "The one error body of every refusal")
public record ErrorBody(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The HTTP status") int status,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, implementation = ErrorCode.class,
                description = "What went wrong, for programs") String error,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "What went wrong, for people")
        String message,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The field, the available units, ...")
        Map<String, Object> details) {
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
