package org.spares.api.errors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spares.domain.ErrorCode;

/** Bean-validation failures: 400 VALIDATION_FAILED naming each field and what is wrong with it. */
@Provider
public class ValidationExceptionMapper implements ExceptionMapper<ConstraintViolationException> {
    @Override
    public Response toResponse(ConstraintViolationException exception) {
        List<Map<String, Object>> violations = exception.getConstraintViolations().stream()
                .map(ValidationExceptionMapper::describe)
                .sorted(Comparator.comparing(entry -> String.valueOf(entry.get("field"))))
                .toList();
        String message = violations.isEmpty()
                ? "the request is invalid"
                : violations.get(0).get("field") + " " + violations.get(0).get("message");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("violations", violations);
        if (!violations.isEmpty()) {
            details.put("field", violations.get(0).get("field"));
        }
        return ErrorBody.response(ErrorCode.VALIDATION_FAILED, message, details);
    }

    private static Map<String, Object> describe(ConstraintViolation<?> violation) {
        return Map.of("field", fieldName(violation.getPropertyPath()), "message", violation.getMessage());
    }

    /** The path reads like {@code create.arg1.code}: keep what a client knows, the body's field path. */
    private static String fieldName(Path path) {
        StringBuilder field = new StringBuilder();
        int position = 0;
        for (Path.Node node : path) {
            position++;
            if (position <= 2 && (node.getKind() == jakarta.validation.ElementKind.METHOD
                    || node.getKind() == jakarta.validation.ElementKind.PARAMETER)) {
                continue;
            }
            if (node.getName() == null) {
                continue;
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(node.getName());
        }
        return field.isEmpty() ? "body" : field.toString();
    }
}
