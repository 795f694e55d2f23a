package org.spares.api;







/**
 * What a POST answers: status, the object that becomes the JSON body, and the Location of a created object.
 * {@code storedBody}, when set, is what an Idempotency-Key replay answers instead of {@code body}: a new user's
 * token is shown once and never stored in clear, not even in a stored answer.
 */
public record Outcome(int status, Object body, String location, Object storedBody) {
    public static Outcome created(String location, Object body) {
        return new Outcome(201, body, location, null);
    }

    public static Outcome ok(Object body) {
        return new Outcome(200, body, null, null);
    }

    /** 204, no body: the stored answer holds nothing but the status. */
    public static Outcome noContent() {
        return new Outcome(204, null, null, null);
    }

    public static Outcome accepted(String location, Object body) {
        return new Outcome(202, body, location, null);
    }

    public Outcome replayedAs(Object replayBody) {
        return new Outcome(status, body, location, replayBody);
    }
}
