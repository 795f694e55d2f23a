package org.spares.pages;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.spares.domain.Caller;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;
import org.spares.service.Idempotency;
import org.spares.service.Tokens;

/**
 * The API's Idempotency-Key, for forms. A form that changes stock carries a hidden {@code key}, fresh each time the
 * form is shown; its post claims the key through the same {@link Idempotency} the API uses, so the same form sent
 * twice (a double tap, a phone resending on a bad connection) is applied once. The second post gets
 * {@link Idempotency.Replayed}, which the page shows as "already done". Page keys are kept apart from the API's by a
 * prefix, so a handheld's API key can never collide with a form's.
 */
public final class FormKeys {
    public static final String FIELD = "key";
    private static final String PREFIX = "ui:";
    private static final int MAX_LENGTH = 64 - PREFIX.length();

    private FormKeys() {
    }

    /** A key for a form about to be shown. */
    public static String fresh() {
        return UUID.randomUUID().toString();
    }

    /**
     * The claim of this post's key (none when the form sent none), fingerprinted by the page's path and every field,
     * so the key sent again with other values is refused (409) as the API refuses it.
     */
    public static <T> Idempotency<T> once(Caller caller, String key, String path, Map<String, ?> fields) {
        if (key == null || key.isBlank()) {
            return Idempotency.none();
        }
        if (key.length() > MAX_LENGTH) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "the form's key is too long",
                    Map.of("field", FIELD));
        }
        String canonical = "PAGE POST " + path + "\n" + new TreeMap<>(fields);
        return Idempotency.of(caller.id(), PREFIX + key, Tokens.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8)),
                result -> new Idempotency.Answer(303, "", path));
    }
}
