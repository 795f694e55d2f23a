package org.spares.api.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.spares.domain.DomainException;

/** Services' failures, answered with their own code, status and details. */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {
    @Override
    public Response toResponse(DomainException exception) {
        return ErrorBody.response(exception.code(), exception.status(), exception.getMessage(), exception.details());
    }
}
