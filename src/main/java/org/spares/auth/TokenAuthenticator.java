package org.spares.auth;

import io.dropwizard.auth.Authenticator;
import java.util.HashSet;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.spares.db.UserDao;

/**
 * Finds the user whose token hashes to the presented one. Nothing is cached: a revoked token fails on its very
 * next request. The lookup is one indexed read by hash, {@link UserDao#findActiveByTokenHash}: a plain-JDBC
 * statement of the DAO, as it runs on every request.
 */
public class TokenAuthenticator implements Authenticator<String, Caller> {
    private final Jdbi jdbi;

    public TokenAuthenticator(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Caller> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        String hash = Tokens.hash(token);
        return jdbi.withHandle(handle -> UserDao.findActiveByTokenHash(handle, hash))
                .map(user -> new Caller(user.id(), user.name(), user.role(), new HashSet<>(user.depots())));
    }
}
