package org.spares.domain;

import java.time.Instant;

/** A person's signed-in session on the pages: whose it is, its anti-forgery token, and when it was last used. */
public record PageSession(long id, User user, String csrfToken, Instant lastSeenAt) {
}
