package org.spares.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.spares.db.DepotDao;
import org.spares.db.UserDao;
import org.spares.domain.Caller;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;
import org.spares.domain.PlainText;
import org.spares.domain.Role;
import org.spares.domain.User;
import org.spares.service.Tokens;

/**
 * Users and their tokens. Tokens are made here, shown once, and stored only as their hash. Through the API a
 * caller manages only the users {@link Caller#mayManage} allows: a depot-scoped ADMIN creates users within its
 * depots and sees and revokes only those; every other user is absent to it (404), so ids do not leak.
 */
public final class UserService {
    /**
     * Who a new user is: name, role and depots (none: every depot, for the roles that allow it). The body of
     * POST /users and the add-user command's options alike, so both are held to the same field rules.
     */
    public record NewUser(
            @NotBlank @Size(max = 100) @PlainText String name,
            @NotNull Role role,
            @Size(max = 100) List<@NotNull @Pattern(regexp = "[A-Z0-9-]{2,16}") String> depots) {
        public NewUser {
            depots = depots == null ? List.of() : List.copyOf(depots);
        }
    }

    /** A user just made, with the token that is shown this once and never stored in clear. */
    public record CreatedUser(long id, String name, Role role, List<String> depots, Instant createdAt, String token) {
    }

    private final Transactions transactions;
    private final Clock clock;

    public UserService(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The active user a bearer token belongs to, as a caller; empty for an unknown or revoked token. */
    public Optional<Caller> authenticate(String token) {
        String hash = Tokens.hash(token);
        return transactions.read(handle -> UserDao.findActiveByTokenHash(handle, hash))
                .map(Caller::of);
    }

    /** 403 FORBIDDEN when the new user would reach a depot or a role the caller lacks. */
    public CreatedUser create(Caller grantor, NewUser request, Idempotency<CreatedUser> once) {
        return transactions.inTransaction(once, handle -> create(handle, grantor, request));
    }

    private CreatedUser create(Handle handle, Caller grantor, NewUser request) {
        List<String> depots = depots(request);
        if (!grantor.mayManage(request.role(), depots)) {
            List<String> outside = depots.stream().filter(code -> !grantor.depots().contains(code)).toList();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("field", "depots");
            details.put("outside", depots.isEmpty() ? List.of("*") : outside);
            throw new DomainException(ErrorCode.FORBIDDEN, depots.isEmpty()
                    ? "a depot-scoped administrator cannot create a user of every depot; list its depots"
                    : "depots " + outside + " are outside your depots", details);
        }
        return insert(handle, request.name(), request.role(), depots);
    }

    /**
     * For the add-user command (and the demo seeder), which act with the database's own credentials: whoever
     * holds them already has every right, and this is how the first unscoped ADMIN is made.
     */
    public CreatedUser createByOperator(NewUser request) {
        return transactions.inTransaction(handle -> insert(handle, request.name(), request.role(), depots(request)));
    }

    /** As {@link #createByOperator(NewUser)}, with a password too (none when null), in the same transaction. */
    public CreatedUser createByOperator(NewUser request, String password) {
        if (password == null) {
            return createByOperator(request);
        }
        Passwords.requireAcceptable(password, "password");
        String hash = Passwords.hash(password);
        return transactions.inTransaction(handle -> {
            CreatedUser created = insert(handle, request.name(), request.role(), depots(request));
            handle.attach(UserDao.class).setPasswordHash(created.id(), hash);
            return created;
        });
    }

    private CreatedUser insert(Handle handle, String name, Role role, List<String> depots) {
        List<String> known = depots.isEmpty() ? List.of() : handle.attach(DepotDao.class).existingCodes(depots);
        List<String> unknown = depots.stream().filter(code -> !known.contains(code)).toList();
        if (!unknown.isEmpty()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "unknown depots " + unknown,
                    Map.of("field", "depots", "unknown", unknown));
        }
        String token = Tokens.newToken();
        var now = clock.instant();
        long id = handle.attach(UserDao.class).insert(name.strip(), role.name(), UserDao.joinDepots(depots),
                Tokens.hash(token), now);
        return new CreatedUser(id, name.strip(), role, depots, now, token);
    }

    /** Sorted, without duplicates; 400 when the role needs a depot and none is given. */
    private static List<String> depots(NewUser request) {
        List<String> depots = List.copyOf(new TreeSet<>(request.depots()));
        if (depots.isEmpty() && !request.role().allDepotsWhenUnscoped()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED,
                    "a " + request.role() + " needs at least one depot", Map.of("field", "depots"));
        }
        return depots;
    }

    /** Up to {@code limit} users after the id that the caller manages, in id order. */
    public List<User> page(Caller caller, long after, int limit) {
        return transactions.read(handle -> page(handle, caller, after, limit));
    }

    private static List<User> page(Handle handle, Caller caller, long after, int limit) {
        UserDao users = handle.attach(UserDao.class);
        List<User> found = new ArrayList<>();
        long cursor = after;
        // The depot subset test cannot be written against the comma-separated column, so a scoped caller's
        // page is filled in Java from batches; the users table is small (people, not stock).
        while (found.size() < limit) {
            List<User> batch = users.page(cursor, limit);
            batch.stream().filter(user -> caller.mayManage(user.role(), user.depots()))
                    .limit(limit - found.size()).forEach(found::add);
            if (batch.size() < limit) {
                break;
            }
            cursor = batch.get(batch.size() - 1).id();
        }
        return found;
    }

    /** Revokes at once: the authenticator reads the user on every request. 404 for a user beyond the caller. */
    public void revoke(Caller caller, long id) {
        transactions.inTransaction(handle -> {
            revoke(handle, caller, id);
            return null;
        });
    }

    private void revoke(Handle handle, Caller caller, long id) {
        UserDao users = handle.attach(UserDao.class);
        User user = users.findById(id)
                .filter(found -> caller.mayManage(found.role(), found.depots()))
                .orElseThrow(() -> DomainException.notFound("user", id));
        if (user.revoked()) {
            return;
        }
        users.revoke(id, clock.instant());
    }
    /**
     * Sets a user's password, stored only as its bcrypt hash ({@link Passwords}). An ADMIN sets it for another
     * user it manages without the old one (404 for users beyond it, as for revoke); anyone may change their own
     * with the correct {@code oldPassword} (403 otherwise, also when they have none yet: an ADMIN gives the
     * first). Anyone else's: 403. 400 VALIDATION_FAILED naming {@code password} for a length outside 12..128.
     */
    public Boolean setPassword(Caller caller, long id, String password, String oldPassword, Idempotency<Boolean> once) {
        Passwords.requireAcceptable(password, "password");
        // Hashed before the transaction: a bcrypt round should not hold a connection.
        String hash = Passwords.hash(password);
        return transactions.inTransaction(once, handle -> setPassword(handle, caller, id, hash, oldPassword));
    }

    private Boolean setPassword(Handle handle, Caller caller, long id, String hash, String oldPassword) {
        UserDao users = handle.attach(UserDao.class);
        boolean self = caller.id() == id;
        if (!self && caller.role() != Role.ADMIN) {
            throw new DomainException(ErrorCode.FORBIDDEN, "only an administrator sets another user's password",
                    Map.of("field", "id"));
        }
        User user = users.findById(id).filter(found -> !found.revoked())
                .filter(found -> self || caller.mayManage(found.role(), found.depots()))
                .orElseThrow(() -> DomainException.notFound("user", id));
        if (self && !Passwords.matches(oldPassword, users.passwordHash(user.id()).orElse(null))) {
            throw new DomainException(ErrorCode.FORBIDDEN, "oldPassword is not your current password",
                    Map.of("field", "oldPassword"));
        }
        users.setPasswordHash(user.id(), hash);
        return Boolean.TRUE;
    }

    /** For the add-user command: the password of a user just made, with the operator's full rights. */
    public void setPasswordByOperator(long id, String password) {
        Passwords.requireAcceptable(password, "password");
        String hash = Passwords.hash(password);
        transactions.inTransaction(handle -> handle.attach(UserDao.class).setPasswordHash(id, hash));
    }

    /**
     * The active user with that name and password, for signing in; empty otherwise, revoked users always. An
     * unknown name still costs one bcrypt check (against a dummy hash), so timing tells little about names. The
     * hashes are read first and checked after: a bcrypt round should not hold a connection.
     */
    public Optional<User> verify(String name, String password) {
        Map<Long, String> candidates = name == null ? Map.of() : transactions.read(handle -> {
            UserDao users = handle.attach(UserDao.class);
            Map<Long, String> hashes = new LinkedHashMap<>();
            users.activeWithPassword(name.strip()).forEach(id -> hashes.put(id, users.passwordHash(id).orElse(null)));
            return hashes;
        });
        if (candidates.isEmpty()) {
            Passwords.matches(password, null);
            return Optional.empty();
        }
        for (Map.Entry<Long, String> candidate : candidates.entrySet()) {
            if (Passwords.matches(password, candidate.getValue())) {
                return transactions.read(handle -> handle.attach(UserDao.class).findById(candidate.getKey()))
                        .filter(user -> !user.revoked());
            }
        }
        return Optional.empty();
    }
}
