package org.spares.api.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.spares.domain.Role;
import org.spares.domain.User;

/** Wire shapes of /users. */
public final class UserDtos {
    private UserDtos() {
    }

    /** POST /users. */
    public record NewUser(
            @NotBlank @Size(max = 100) @PlainText String name,
            @NotNull Role role,
            @Size(max = 100) List<@NotNull @Pattern(regexp = "[A-Z0-9-]{2,16}") String> depots) {
        public NewUser {
            depots = depots == null ? List.of() : List.copyOf(depots);
        }
    }

    /** A user as listed. */
    public record UserView(long id, String name, Role role, List<String> depots, Instant createdAt, Instant revokedAt) {
        public static UserView of(User user) {
            return new UserView(user.id(), user.name(), user.role(), user.depots(), user.createdAt(), user.revokedAt());
        }
    }

    /** The answer to POST /users: the only time the token is ever shown. */
    public record CreatedUser(long id, String name, Role role, List<String> depots, Instant createdAt, String token) {
    }
}
