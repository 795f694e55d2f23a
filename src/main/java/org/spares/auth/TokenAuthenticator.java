package org.spares.auth;

import io.dropwizard.auth.Authenticator;
import java.util.HashSet;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.spares.db.HotPathStatements;

/**
 * Finds the user whose token hashes to the presented one. Nothing is cached: a revoked token fails on its very
 * next request. The lookup is one indexed read by hash, on the handle directly (no DAO to attach: it runs on every
 * request).
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
        return jdbi.withHandle(handle -> HotPathStatements.activeUserByTokenHash(handle, hash))
                .map(user -> new Caller(user.id(), user.name(), user.role(), new HashSet<>(user.depots())));
    }
}
