package org.spares.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.spares.api.dto.UserDtos.CreatedUser;
import org.spares.api.dto.UserDtos.NewUser;
import org.spares.auth.Tokens;
import org.spares.db.DepotDao;
import org.spares.db.UserDao;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;
import org.spares.domain.Role;
import org.spares.domain.User;

/** Users and their tokens. Tokens are made here, shown once, and stored only as their hash. */
public final class UserService {
    private final Clock clock;

    public UserService(Clock clock) {
        this.clock = clock;
    }

    public CreatedUser create(Handle handle, NewUser request) {
        List<String> depots = List.copyOf(new TreeSet<>(request.depots()));
        if (depots.isEmpty() && !request.role().allDepotsWhenUnscoped()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED,
                    "a " + request.role() + " needs at least one depot", Map.of("field", "depots"));
        }
        if (!depots.isEmpty()) {
            List<String> known = handle.attach(DepotDao.class).existingCodes(depots);
            List<String> unknown = depots.stream().filter(code -> !known.contains(code)).toList();
            if (!unknown.isEmpty()) {
                throw new DomainException(ErrorCode.VALIDATION_FAILED, "unknown depots " + unknown,
                        Map.of("field", "depots", "unknown", unknown));
            }
        }
        String token = Tokens.newToken();
        var now = clock.instant();
        long id = handle.attach(UserDao.class).insert(request.name().strip(), request.role().name(),
                UserDao.joinDepots(depots), Tokens.hash(token), now);
        return new CreatedUser(id, request.name().strip(), request.role(), depots, now, token);
    }

    /** Revokes at once: the authenticator reads the user on every request. */
    public void revoke(Handle handle, long id) {
        UserDao users = handle.attach(UserDao.class);
        User user = users.findById(id).orElseThrow(() -> DomainException.notFound("user", id));
        if (user.revoked()) {
            return;
        }
        users.revoke(id, clock.instant());
    }

    /** Used by the add-user command, which has no depot checks to skip: the same rules apply. */
    public static NewUser request(String name, Role role, List<String> depots) {
        return new NewUser(name, role, depots);
    }
}
