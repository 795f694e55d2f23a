package org.spares.api.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.ParamException;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.model.RuntimeResource;
import org.spares.domain.ErrorCode;

/**
 * Jersey's own refusals (unknown path, wrong method, unsupported media type, a role check) in the API's body.
 * Jersey's messages are generic, so none of them leaks internals; ours replace them anyway.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Context
    private ExtendedUriInfo matched;

    @Context
    private Request request;

    @Override
    public Response toResponse(WebApplicationException exception) {
        if (exception instanceof ParamException.QueryParamException
                || exception instanceof ParamException.HeaderParamException) {
            String name = ((ParamException) exception).getParameterName();
            return ErrorBody.response(ErrorCode.VALIDATION_FAILED, name + " has the wrong type or value",
                    Map.of("field", name));
        }
        int status = exception.getResponse().getStatus();
        Response answer = switch (status) {
            case 401 -> ErrorBody.response(ErrorCode.UNAUTHENTICATED, "a valid bearer token is required", Map.of());
            case 403 -> ErrorBody.response(ErrorCode.FORBIDDEN, "your role may not do this", Map.of());
            case 404 -> ErrorBody.response(ErrorCode.NOT_FOUND, "no such resource", Map.of());
            case 405 -> ErrorBody.response(ErrorCode.METHOD_NOT_ALLOWED, "method not allowed on this resource",
                    Map.of());
            case 406 -> ErrorBody.response(ErrorCode.NOT_ACCEPTABLE, "cannot answer in the requested media type",
                    Map.of());
            case 413 -> ErrorBody.response(ErrorCode.PAYLOAD_TOO_LARGE, "request body too large", Map.of());
            case 415 -> unsupported();
            default -> status >= 500
                    ? ErrorBody.response(ErrorCode.INTERNAL_ERROR, status, "the service failed", Map.of())
                    : ErrorBody.response(ErrorCode.VALIDATION_FAILED, status, "the request is invalid", Map.of());
        };
        if (status == 405 && exception.getResponse().getHeaderString("Allow") != null) {
            return Response.fromResponse(answer).header("Allow", exception.getResponse().getHeaderString("Allow"))
                    .build();
        }
        return answer;
    }

    /** 415 naming the content types the path accepts for this method, read from the matched resource's methods. */
    private Response unsupported() {
        Set<String> accepted = new TreeSet<>();
        for (RuntimeResource resource : matched.getMatchedRuntimeResources()) {
            for (ResourceMethod method : resource.getResourceMethods()) {
                if (method.getHttpMethod().equals(request.getMethod())) {
                    method.getConsumedTypes().forEach(type -> accepted.add(type.getType() + "/" + type.getSubtype()));
                }
            }
            if (!accepted.isEmpty()) {
                break;
            }
        }
        if (accepted.isEmpty()) {
            return ErrorBody.response(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "unsupported content type", Map.of());
        }
        return ErrorBody.response(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "unsupported content type; use "
                + String.join(" or ", accepted), Map.of("accepted", List.copyOf(accepted)));
    }
}
