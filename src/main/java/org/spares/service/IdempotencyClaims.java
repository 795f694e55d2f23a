package org.spares.service;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.spares.db.IdempotencyDao;
import org.spares.db.IdempotencyDao.StoredAnswer;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;

/**
 * The rows behind Idempotency-Keys: a claim inserted before the work, completed with the answer after it, in the
 * work's transaction. Failed calls store nothing (their transaction rolled back), so retrying one runs it again.
 *
 * <p>A stored answer is at most {@code maxStoredAnswerBytes} (config {@code spares.maxStoredAnswerSize}, 1 MiB): far
 * below MariaDB's default max_allowed_packet (16 MiB), which a larger row fails on every time, and small enough that
 * 48 hours of keys cannot grow the database by gigabytes. A change whose answer is larger is refused (413, rolled
 * back: retry without the key); an optimizer answer that is larger is sent but not stored, since a solve changes
 * nothing and solving again is its replay.
 */
final class IdempotencyClaims {
    private static final int MAX_RACES = 20;
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,64}");

    private final Clock clock;
    private final long maxStoredAnswerBytes;

    IdempotencyClaims(Clock clock, long maxStoredAnswerBytes) {
        this.clock = clock;
        this.maxStoredAnswerBytes = maxStoredAnswerBytes;
    }

    /**
     * 400 unless the key is 1-64 printable characters. Asked when the unit of work starts: after the checks a
     * service makes before its transaction (the caller's depots), before those inside it (an unknown id).
     */
    static void checkKey(Idempotency<?> once) {
        if (!KEY.matcher(once.key()).matches()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "Idempotency-Key must be 1-64 printable characters",
                    Map.of("field", "Idempotency-Key"));
        }
    }

    void claim(Handle handle, Idempotency<?> once) {
        IdempotencyDao.claim(handle, once.callerId(), once.key(), once.fingerprint(),
                clock.instant());
    }

    <T> void complete(Handle handle, Idempotency<T> once, T result) {
        Idempotency.Answer answer = once.answerFor(result);
        if (!storable(answer.body())) {
            throw new DomainException(ErrorCode.PAYLOAD_TOO_LARGE, "the answer is too large to be stored under an"
                    + " Idempotency-Key; nothing was changed, send the request without one",
                    Map.of("maxStoredAnswerBytes", maxStoredAnswerBytes));
        }
        IdempotencyDao.complete(handle, once.callerId(), once.key(), answer.status(), answer.body(),
                answer.location());
    }

    /** Stores the answer of work done outside a transaction, unless it is too large to keep. */
    <T> T storeIfSmall(Handle handle, Idempotency<T> once, T result) {
        Idempotency.Answer answer = once.answerFor(result);
        if (storable(answer.body())) {
            IdempotencyDao.insert(handle, once.callerId(), once.key(), once.fingerprint(),
                    answer.status(), answer.body(), answer.location(), clock.instant());
        }
        return result;
    }

    /** @throws Idempotency.Replayed with the stored answer, when there is one */
    Void replayIfStored(Handle handle, Idempotency<?> once) {
        Optional<StoredAnswer> stored = handle.attach(IdempotencyDao.class).find(once.callerId(), once.key());
        if (stored.isEmpty()) {
            return null;
        }
        if (!stored.get().requestHash().equals(once.fingerprint())) {
            throw new DomainException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was used with a different request", Map.of("idempotencyKey", once.key()));
        }
        throw new Idempotency.Replayed(new Idempotency.Answer(stored.get().responseStatus(),
                stored.get().responseBody(), stored.get().responseLocation()));
    }

    /** A twin holds the key but has not committed: wait a little, then look again; give up after a while. */
    void pause(int race, Idempotency<?> once) {
        try {
            Thread.sleep(10L * (race + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DomainException(ErrorCode.UNAVAILABLE, "the request was interrupted", Map.of());
        }
        if (race + 1 >= MAX_RACES) {
            throw new DomainException(ErrorCode.CONFLICT, "another request with this Idempotency-Key is in progress",
                    Map.of("idempotencyKey", once.key()));
        }
    }

    /** UTF-8 length without encoding the whole text: a JSON answer can be tens of megabytes. */
    private boolean storable(String json) {
        if (json.length() > maxStoredAnswerBytes) {
            return false;
        }
        long bytes = 0;
        for (int index = 0; index < json.length(); index++) {
            char next = json.charAt(index);
            bytes += next < 0x80 ? 1 : next < 0x800 || Character.isSurrogate(next) ? 2 : 3;
        }
        return bytes <= maxStoredAnswerBytes;
    }
}
