package org.spares.api.errors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;

/**
 * Bodies that are not the JSON we expect: malformed text, an unknown field, a wrong type. The message names the
 * field by its JSON path but never echoes Jackson's text, which names Java classes.
 */
@Provider
public class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException exception) {
        DomainException domain = findDomainCause(exception);
        if (domain != null) {
            return new DomainExceptionMapper().toResponse(domain);
        }
        if (exception instanceof JsonParseException) {
            return ErrorBody.response(ErrorCode.VALIDATION_FAILED, "the body is not valid JSON", Map.of());
        }
        if (!(exception instanceof JsonMappingException mapping)) {
            return ErrorBody.response(ErrorCode.VALIDATION_FAILED, "the body could not be read", Map.of());
        }
        String field = path(mapping);
        if (exception instanceof UnrecognizedPropertyException unknown) {
            return ErrorBody.response(ErrorCode.VALIDATION_FAILED, "unknown field " + field,
                    Map.of("field", field, "reason", "unknown field"));
        }
        if (exception instanceof InvalidFormatException || exception instanceof MismatchedInputException) {
            if (field.isEmpty()) {
                return ErrorBody.response(ErrorCode.VALIDATION_FAILED, "the body has the wrong shape", Map.of());
            }
            Class<?> target = exception instanceof InvalidFormatException invalid ? invalid.getTargetType() : null;
            if (target != null && target.isEnum()) {
                List<String> allowed = Stream.of(target.getEnumConstants()).map(value -> ((Enum<?>) value).name())
                        .toList();
                return ErrorBody.response(ErrorCode.VALIDATION_FAILED, field + " must be one of " + allowed,
                        Map.of("field", field, "allowed", allowed));
            }
            return ErrorBody.response(ErrorCode.VALIDATION_FAILED, field + " has the wrong type or value",
                    Map.of("field", field));
        }
        return ErrorBody.response(ErrorCode.VALIDATION_FAILED,
                field.isEmpty() ? "the body could not be read" : field + " is invalid", Map.of("field", field));
    }

    /** Record constructors may reject a value with a DomainException; Jackson wraps it. */
    private static DomainException findDomainCause(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException domain) {
                return domain;
            }
        }
        return null;
    }

    private static String path(JsonMappingException mapping) {
        return mapping.getPath().stream()
                .map(reference -> reference.getFieldName() != null
                        ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
