package org.spares.domain;

import java.util.Map;
import java.util.Objects;

/**
 * A failure that the client caused or can act on. Services throw it; one mapper turns it into the API's error
 * body. The message and details are shown to the client, so they never hold SQL, class names or secrets.
 */
public class DomainException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final int status;
    private final transient Map<String, Object> details;

    public DomainException(ErrorCode code, String message) {
        this(code, code.status(), message, Map.of());
    }

    public DomainException(ErrorCode code, String message, Map<String, Object> details) {
        this(code, code.status(), message, details);
    }

    /** For the codes that may answer with two statuses (VALIDATION_FAILED is 400 or 422). */
    public DomainException(ErrorCode code, int status, String message, Map<String, Object> details) {
        super(message);
        this.code = Objects.requireNonNull(code);
        this.status = status;
        this.details = Map.copyOf(details);
    }

    public ErrorCode code() {
        return code;
    }

    public int status() {
        return status;
    }

    public Map<String, Object> details() {
        return details;
    }

    public static DomainException notFound(String what, Object key) {
        return new DomainException(ErrorCode.NOT_FOUND, what + " " + key + " not found", Map.of());
    }
}
