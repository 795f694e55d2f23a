package org.spares.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.spares.service.Idempotency.Answer;

/** Turns a POST's answer (first or replayed) into the HTTP response. */
public final class Responses {
    private Responses() {
    }

    public static Response of(Answer answer) {
        if (answer.status() == 204) {
            return Response.noContent().build();
        }
        Response.ResponseBuilder builder = Response.status(answer.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(answer.body());
        if (answer.location() != null) {
            builder.location(URI.create(answer.location()));
        }
        return builder.build();
    }
}
