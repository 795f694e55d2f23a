package org.spares.api.auth;

import io.dropwizard.auth.UnauthorizedHandler;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.spares.api.errors.ErrorBody;
import org.spares.domain.ErrorCode;

/** 401 in the API's error body, with the Bearer challenge. */
public class JsonUnauthorizedHandler implements UnauthorizedHandler {
    @Override
    public Response buildResponse(String prefix, String realm) {
        return Response.fromResponse(ErrorBody.response(ErrorCode.UNAUTHENTICATED,
                        "a valid bearer token is required", Map.of()))
                .header("WWW-Authenticate", prefix + " realm=\"" + realm + "\"")
                .build();
    }
}
