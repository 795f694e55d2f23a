package org.spares.api.auth;

import io.dropwizard.auth.Authenticator;
import java.util.Optional;
import org.spares.db.UserDao;
import org.spares.domain.Caller;
import org.spares.service.UserService;

/**
 * Finds the user whose token hashes to the presented one. Nothing is cached: a revoked token fails on its very
 * next request. The lookup is one indexed read by hash, {@link UserDao#findActiveByTokenHash}: a plain-JDBC
 * statement of the DAO, as it runs on every request.
 */
public class TokenAuthenticator implements Authenticator<String, Caller> {
    private final UserService users;

    public TokenAuthenticator(UserService users) {
        this.users = users;
    }

    @Override
    public Optional<Caller> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        return users.authenticate(token);
    }
}
