package org.spares.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.spares.auth.Caller;
import org.spares.auth.Tokens;
import org.spares.db.IdempotencyDao;
import org.spares.db.IdempotencyDao.StoredAnswer;
import org.spares.db.SqlErrors;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;

/**
 * Runs every POST, honouring the Idempotency-Key header (API.md): the key, the request's hash and the answer
 * are written in the same transaction as the effect, so a replay answers exactly what the first call answered
 * and the effect happens once. The key row is inserted first: a concurrent call with the same key waits on the
 * unique index until the first commits, then fails as a duplicate and replays the stored answer.
 *
 * <p>Failed calls store nothing (their transaction rolled back), so retrying one runs it again.
 *
 * <p>A stored answer is at most {@code maxStoredAnswerBytes} (config {@code spares.maxStoredAnswerSize}, 1 MiB):
 * far below MariaDB's default max_allowed_packet (16 MiB), which a larger row fails on every time, and small
 * enough that 48 hours of keys cannot grow the database by gigabytes. An answer of a change that is larger is
 * refused (413, the change rolled back: retry without the key); an optimizer answer that is larger is sent but
 * not stored, since a solve changes nothing and solving again is its replay.
 */
public final class IdempotentPosts {
    /** The answer as sent: status, JSON text and Location. */
    public record Answer(int status, String json, String location) {
    }

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,64}");
    private static final int MAX_RACES = 20;

    private final Transactions transactions;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final long maxStoredAnswerBytes;

    public IdempotentPosts(Transactions transactions, ObjectMapper mapper, Clock clock, long maxStoredAnswerBytes) {
        this.transactions = transactions;
        this.mapper = mapper;
        this.clock = clock;
        this.maxStoredAnswerBytes = maxStoredAnswerBytes;
    }

    /**
     * @param request what identifies "the same request": method, path and body, serialised to JSON canonically
     */
    public Answer execute(Caller caller, String key, String method, String path, Object request,
            Transactions.Work<Outcome> work) {
        if (key == null) {
            return transactions.inTransaction(handle -> toAnswer(work.run(handle)));
        }
        checkKey(key);
        String hash = fingerprint(method, path, request);
        for (int race = 0; race < MAX_RACES; race++) {
            // No read first: a first call (the common case) would pay a connection and a round trip for nothing.
            // A key already used fails the INSERT below, before the work, and its answer is read then.
            try {
                return transactions.inTransaction(handle -> {
                    // Claim the key before the work, so a concurrent twin waits here instead of doing the work too.
                    IdempotencyDao.claim(handle, caller.id(), key, hash, clock.instant());
                    Outcome outcome = work.run(handle);
                    Answer answer = toAnswer(outcome);
                    String replay = outcome.storedBody() == null ? answer.json() : json(outcome.storedBody());
                    if (!storable(replay)) {
                        throw new DomainException(ErrorCode.PAYLOAD_TOO_LARGE, "the answer is too large to be stored"
                                + " under an Idempotency-Key; nothing was changed, send the request without one",
                                Map.of("maxStoredAnswerBytes", maxStoredAnswerBytes));
                    }
                    IdempotencyDao.complete(handle, caller.id(), key, answer.status(), replay, answer.location());
                    return answer;
                });
            } catch (RuntimeException failure) {
                if (!SqlErrors.isDuplicateKey(failure)) {
                    throw failure;
                }
            }
            // The key is taken: by an earlier call, or by a twin that has committed since (the INSERT waited for it).
            Optional<StoredAnswer> stored = transactions.read(h -> h.attach(IdempotencyDao.class).find(caller.id(), key));
            if (stored.isPresent()) {
                return replay(stored.get(), hash, key);
            }
            pause(race);
        }
        throw new DomainException(ErrorCode.CONFLICT, "another request with this Idempotency-Key is in progress",
                Map.of("idempotencyKey", key));
    }

    /**
     * For work that must not run inside a database transaction (the optimizer): a stored answer is replayed;
     * otherwise the work runs first, outside any transaction, and its answer is then stored under the key. Two
     * concurrent first calls may both compute; only the first stored answer counts, and both answer it.
     */
    public Answer executeOutside(Caller caller, String key, String method, String path, Object request,
            Supplier<Outcome> work) {
        if (key == null) {
            return toAnswer(work.get());
        }
        checkKey(key);
        String hash = fingerprint(method, path, request);
        Optional<StoredAnswer> stored = transactions.read(h -> h.attach(IdempotencyDao.class).find(caller.id(), key));
        if (stored.isPresent()) {
            return replay(stored.get(), hash, key);
        }
        Answer answer = toAnswer(work.get());
        if (!storable(answer.json())) {
            return answer;
        }
        try {
            transactions.inTransaction(handle -> {
                IdempotencyDao.insert(handle, caller.id(), key, hash, answer.status(), answer.json(),
                        answer.location(), clock.instant());
                return null;
            });
            return answer;
        } catch (RuntimeException failure) {
            if (!SqlErrors.isDuplicateKey(failure)) {
                throw failure;
            }
            return replay(transactions.read(h -> h.attach(IdempotencyDao.class).find(caller.id(), key)).orElseThrow(),
                    hash, key);
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

    private static void checkKey(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "Idempotency-Key must be 1-64 printable characters",
                    Map.of("field", "Idempotency-Key"));
        }
    }

    private static void pause(int race) {
        try {
            Thread.sleep(10L * (race + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DomainException(ErrorCode.UNAVAILABLE, "the request was interrupted", Map.of());
        }
    }

    private static Answer replay(StoredAnswer stored, String hash, String key) {
        if (!stored.requestHash().equals(hash)) {
            throw new DomainException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was used with a different request", Map.of("idempotencyKey", key));
        }
        return new Answer(stored.responseStatus(), stored.responseBody(), stored.responseLocation());
    }

    private Answer toAnswer(Outcome outcome) {
        return new Answer(outcome.status(), json(outcome.body()), outcome.location());
    }

    private String fingerprint(String method, String path, Object request) {
        String canonical = method + " " + path + "\n" + json(request);
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
