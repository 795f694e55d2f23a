package org.spares.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.spares.db.PageSessionDao;
import org.spares.domain.Caller;
import org.spares.domain.PageSession;

/**
 * Sessions of people signed in to the pages. The browser holds a random id ({@link Tokens#newToken}, 256 bits);
 * only its hash is stored, as for API tokens. A session ends when its user signs out, when it has been idle for
 * the configured time (8 h by default), or at once when its user is revoked (the lookup joins the user). Each use
 * moves the idle expiry on, written at most once a minute so that a busy page does not write on every request.
 */
public final class PageSessions {
    /** A session just opened: the cookie's value, shown this once, and the anti-forgery token of its forms. */
    public record Opened(String token, String csrfToken, Caller caller) {
    }

    /** A live session, found by its cookie. */
    public record Live(long id, Caller caller, String csrfToken) {
    }

    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final int PURGE_BATCH = 500;

    private final Transactions transactions;
    private final UserService users;
    private final Clock clock;
    private final Duration idleTimeout;

    public PageSessions(Transactions transactions, UserService users, Clock clock, Duration idleTimeout) {
        this.transactions = transactions;
        this.users = users;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** Signs in: a new session for the active user with that name and password; empty when they do not match. */
    public Optional<Opened> open(String name, String password) {
        return users.verify(name, password).map(user -> {
            String token = Tokens.newToken();
            String csrf = Tokens.newToken();
            Instant now = clock.instant();
            transactions.inTransaction(handle ->
                    handle.attach(PageSessionDao.class).insert(Tokens.hash(token), user.id(), csrf, now));
            return new Opened(token, csrf, Caller.of(user));
        });
    }

    /** The live session of a cookie's value; empty for an unknown, ended, idle-expired or revoked one. */
    public Optional<Live> find(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        String hash = Tokens.hash(token);
        Optional<PageSession> found = transactions.read(handle ->
                handle.attach(PageSessionDao.class).findActive(hash));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PageSession session = found.get();
        Instant now = clock.instant();
        if (!session.lastSeenAt().plus(idleTimeout).isAfter(now)) {
            transactions.inTransaction(handle -> handle.attach(PageSessionDao.class).delete(session.id()));
            return Optional.empty();
        }
        if (session.lastSeenAt().plus(TOUCH_EVERY).isBefore(now)) {
            transactions.inTransaction(handle -> handle.attach(PageSessionDao.class).touch(session.id(), now));
        }
        return Optional.of(new Live(session.id(), Caller.of(session.user()), session.csrfToken()));
    }

    /** Signs out: the session of that cookie's value is gone, here and on every instance. */
    public void close(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return;
        }
        String hash = Tokens.hash(token);
        transactions.inTransaction(handle -> handle.attach(PageSessionDao.class).deleteByHash(hash));
    }

    /** Deletes sessions idle past the timeout, in batches; returns how many. Run by a scheduled job. */
    public int purgeIdle() {
        Instant before = clock.instant().minus(idleTimeout);
        int total = 0;
        while (!Thread.currentThread().isInterrupted()) {
            List<Long> idle = transactions.read(handle ->
                    handle.attach(PageSessionDao.class).idleSince(before, PURGE_BATCH));
            for (long id : idle) {
                total += transactions.inTransaction(handle -> handle.attach(PageSessionDao.class).delete(id));
            }
            if (idle.size() < PURGE_BATCH) {
                break;
            }
        }
        return total;
    }
}
