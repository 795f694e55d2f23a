package org.spares.service;

import java.util.Objects;
import java.util.function.Function;

/**
 * The Idempotency-Key a change was sent with, and how to write down what its caller is answered. A service method
 * that takes one claims the key, does the work and stores the answer in one transaction: a retry of the same
 * request is answered what the first call was answered, and the work happens once. {@link #none()} when the caller
 * sent no key.
 *
 * @param <T> what the service method returns
 */
public final class Idempotency<T> {
    /** What the caller was answered, as it was sent: replayed as is, byte for byte. */
    public record Answer(int status, String body, String location) {
    }

    private static final Idempotency<Object> NONE = new Idempotency<>(0, null, null, result -> null);

    private final long callerId;
    private final String key;
    private final String fingerprint;
    private final Function<? super T, Answer> answer;

    private Idempotency(long callerId, String key, String fingerprint, Function<? super T, Answer> answer) {
        this.callerId = callerId;
        this.key = key;
        this.fingerprint = fingerprint;
        this.answer = answer;
    }

    @SuppressWarnings("unchecked") // NONE holds nothing of T: its answer is never asked for.
    public static <T> Idempotency<T> none() {
        return (Idempotency<T>) NONE;
    }

    /**
     * @param fingerprint what identifies "the same request" (a hash of method, path and body): a key sent again
     *     with another request is refused
     * @param answer what the caller is answered for a result; it runs inside the transaction, so it must be pure
     */
    public static <T> Idempotency<T> of(long callerId, String key, String fingerprint,
            Function<? super T, Answer> answer) {
        return new Idempotency<>(callerId, Objects.requireNonNull(key), Objects.requireNonNull(fingerprint), answer);
    }

    boolean present() {
        return key != null;
    }

    long callerId() {
        return callerId;
    }

    String key() {
        return key;
    }

    String fingerprint() {
        return fingerprint;
    }

    Answer answerFor(T result) {
        return answer.apply(result);
    }

    /** Thrown instead of a result when the key was used before: the stored answer is the answer. */
    public static final class Replayed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient Answer answer;

        Replayed(Answer answer) {
            super("answered before under the same Idempotency-Key", null, false, false);
            this.answer = answer;
        }

        public Answer answer() {
            return answer;
        }
    }
}
