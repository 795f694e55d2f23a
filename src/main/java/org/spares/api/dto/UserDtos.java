package org.spares.api.dto;

import java.time.Instant;
import java.util.List;
import org.spares.domain.Role;
import org.spares.domain.User;
import org.spares.service.UserService;

/** Wire shapes of /users; a new user's body is {@link UserService.NewUser}, the add-user command's too. */
public final class UserDtos {
    private UserDtos() {
    }

    /** A user as listed. */
    public record UserView(long id, String name, Role role, List<String> depots, Instant createdAt, Instant revokedAt) {
        public static UserView of(User user) {
            return new UserView(user.id(), user.name(), user.role(), user.depots(), user.createdAt(), user.revokedAt());
        }
    }

    /** The answer to POST /users: the only time the token is ever shown. */
    public record CreatedUser(long id, String name, Role role, List<String> depots, Instant createdAt, String token) {
        /** The user as answered; {@code token} is null in what is stored for an Idempotency-Key replay. */
        public static CreatedUser of(UserService.CreatedUser user, String token) {
            return new CreatedUser(user.id(), user.name(), user.role(), user.depots(), user.createdAt(), token);
        }
    }
    /**
     * The body of POST /users/{id}/password. {@code oldPassword} is needed when changing one's own. Its
     * {@code toString} hides both, so no log line or error message can carry them.
     */
    public record PasswordChange(String password, String oldPassword) {
        @Override
        public String toString() {
            return "PasswordChange[hidden]";
        }
    }
}
