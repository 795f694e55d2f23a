package org.spares.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.spares.domain.Caller;
import org.spares.service.Idempotency;
import org.spares.service.Tokens;

/**
 * Every POST's answer, honouring the Idempotency-Key header: the resource says how a result is answered, the
 * service claims the key and stores that answer in the same transaction as the effect, and a replay is answered,
 * byte for byte, what the first call was. "The same request" is the method, the path and the body, canonically
 * serialised.
 */
public final class IdempotentPosts {
    private final ObjectMapper mapper;

    public IdempotentPosts(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param request the body (or "" for none), part of what identifies the request
     * @param outcome how a result is answered
     * @param call the service method, given the key's claim
     */
    public <T> Response answer(Caller caller, String key, UriInfo uri, Object request, Function<T, Outcome> outcome,
            Function<Idempotency<T>, T> call) {
        // The outcome written down inside the transaction is the one sent: it may read the clock (hours waited).
        AtomicReference<Outcome> written = new AtomicReference<>();
        Idempotency<T> once = key == null ? Idempotency.none() : Idempotency.of(caller.id(), key,
                fingerprint(uri.getPath(), request), result -> {
                    written.set(outcome.apply(result));
                    return stored(written.get());
                });
        try {
            T result = call.apply(once);
            return Responses.of(sent(written.get() != null ? written.get() : outcome.apply(result)));
        } catch (Idempotency.Replayed replayed) {
            return Responses.of(replayed.answer());
        }
    }

    private Idempotency.Answer sent(Outcome outcome) {
        return new Idempotency.Answer(outcome.status(), json(outcome.body()), outcome.location());
    }

    /** A new user's token is shown once and never stored in clear, not even in a stored answer. */
    private Idempotency.Answer stored(Outcome outcome) {
        Object body = outcome.storedBody() == null ? outcome.body() : outcome.storedBody();
        return new Idempotency.Answer(outcome.status(), json(body), outcome.location());
    }

    private String fingerprint(String path, Object request) {
        String canonical = "POST " + path + "\n" + json(request);
        return Tokens.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answer cannot be written as JSON", e);
        }
    }
}
