package org.spares.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.spares.domain.Role;
import org.spares.domain.User;

/** The users table. Depot codes are kept as one comma-separated column: they are read and written whole. */
@RegisterRowMapper(UserDao.UserMapper.class)
public interface UserDao {
    String COLUMNS = "id, name, role, depots, created_at, revoked_at";

    @SqlUpdate("""
            INSERT INTO users (name, role, depots, token_hash, created_at)
            VALUES (:name, :role, :depots, :tokenHash, :createdAt)
            """)
    @GetGeneratedKeys("id")
    long insert(@Bind("name") String name, @Bind("role") String role, @Bind("depots") String depots,
            @Bind("tokenHash") String tokenHash, @Bind("createdAt") Instant createdAt);

    NamedSql FIND_ACTIVE_BY_TOKEN_HASH = NamedSql.of(
            "SELECT " + COLUMNS + " FROM users WHERE token_hash = :hash AND revoked_at IS NULL");

    RowMapper<User> MAPPER = new UserMapper();

    /** The user of a token, unless revoked. Every request runs it, so it runs as plain JDBC ({@link NamedSql}). */
    static Optional<User> findActiveByTokenHash(Handle handle, String hash) {
        return FIND_ACTIVE_BY_TOKEN_HASH.findOne(handle, MAPPER, "hash", hash);
    }

    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE id = :id")
    Optional<User> findById(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE id > :after ORDER BY id LIMIT :limit")
    List<User> page(@Bind("after") long after, @Bind("limit") int limit);

    @SqlUpdate("UPDATE users SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
    int revoke(@Bind("id") long id, @Bind("at") Instant at);

    @SqlUpdate("UPDATE users SET password_hash = :hash WHERE id = :id AND revoked_at IS NULL")
    int setPasswordHash(@Bind("id") long id, @Bind("hash") String hash);

    @SqlQuery("SELECT password_hash FROM users WHERE id = :id")
    Optional<String> passwordHash(@Bind("id") long id);

    /** Active users of that name that have a password: names are not unique, so possibly several. */
    @SqlQuery("SELECT id FROM users WHERE name = :name AND revoked_at IS NULL AND password_hash IS NOT NULL ORDER BY id")
    List<Long> activeWithPassword(@Bind("name") String name);

    static String joinDepots(List<String> depots) {
        return String.join(",", depots);
    }

    /** Maps a row, splitting the depot list. */
    final class UserMapper implements RowMapper<User> {
        @Override
        public User map(ResultSet rs, StatementContext context) throws SQLException {
            String depots = rs.getString("depots");
            List<String> codes = depots.isEmpty() ? List.of() : Arrays.asList(depots.split(","));
            return new User(rs.getLong("id"), rs.getString("name"), Role.valueOf(rs.getString("role")), codes,
                    JdbiSetup.instant(rs, "created_at"), JdbiSetup.instant(rs, "revoked_at"));
        }
    }
}
