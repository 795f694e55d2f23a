package org.spares.pages;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;

/**
 * Form fields read the way the API reads a body: into the API's own request records, checked by the same
 * validator and constraints, so a page accepts exactly what the API accepts and refuses the rest with the same 400.
 * Text fields that must be numbers are parsed here first (a form has no JSON types).
 */
public final class Forms {
    private final Validator validator;

    public Forms(Validator validator) {
        this.validator = validator;
    }

    /** The request record, or 400 VALIDATION_FAILED naming the first field that breaks a rule. */
    public <T> T valid(T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return request;
    }

    /** A whole number, or null for an empty field; 400 naming the field otherwise. */
    public static Integer integer(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException notWhole) {
            throw invalid(field, field + " must be a whole number");
        }
    }

    /** A decimal number, or null for an empty field; 400 naming the field otherwise. */
    public static BigDecimal decimal(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException notNumber) {
            throw invalid(field, field + " must be a number");
        }
    }

    /** One of an enum's names (as written, upper case), or null for an empty field; 400 naming the field. */
    public static <E extends Enum<E>> E choice(String field, Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException unknown) {
            throw invalid(field, field + " is not one of the choices");
        }
    }

    /** True for a checked checkbox. */
    public static boolean checked(String value) {
        return value != null && !value.isBlank() && !"false".equals(value);
    }

    /**
     * Where to go after a form: htmx follows {@code HX-Redirect} (a whole new page), a plain form its 303.
     */
    public static Response goTo(boolean htmx, String path) {
        return htmx ? Response.ok().header("HX-Redirect", path).build() : Response.seeOther(URI.create(path)).build();
    }

    private static DomainException invalid(String field, String message) {
        return new DomainException(ErrorCode.VALIDATION_FAILED, message, Map.of("field", field));
    }
}
