package org.spares.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.spares.domain.PageSession;

/** The page_sessions table: people signed in to the pages, by the hash of their cookie's id. */
@RegisterRowMapper(PageSessionDao.PageSessionMapper.class)
public interface PageSessionDao {
    @SqlUpdate("""
            INSERT INTO page_sessions (token_hash, user_id, csrf_token, created_at, last_seen_at)
            VALUES (:tokenHash, :userId, :csrf, :at, :at)
            """)
    @GetGeneratedKeys("id")
    long insert(@Bind("tokenHash") String tokenHash, @Bind("userId") long userId, @Bind("csrf") String csrf,
            @Bind("at") Instant at);

    /** The session of that hash with its user, unless the user is revoked: revoking a user ends their sessions. */
    @SqlQuery("""
            SELECT s.id AS session_id, s.csrf_token, s.last_seen_at,
                   u.id, u.name, u.role, u.depots, u.created_at, u.revoked_at
            FROM page_sessions s JOIN users u ON u.id = s.user_id
            WHERE s.token_hash = :tokenHash AND u.revoked_at IS NULL
            """)
    Optional<PageSession> findActive(@Bind("tokenHash") String tokenHash);

    /** Moves the idle expiry on; only forward, so two instances touching at once cannot move it back. */
    @SqlUpdate("UPDATE page_sessions SET last_seen_at = :at WHERE id = :id AND last_seen_at < :at")
    int touch(@Bind("id") long id, @Bind("at") Instant at);

    @SqlUpdate("DELETE FROM page_sessions WHERE id = :id")
    int delete(@Bind("id") long id);

    @SqlUpdate("DELETE FROM page_sessions WHERE token_hash = :tokenHash")
    int deleteByHash(@Bind("tokenHash") String tokenHash);

    /** Sessions idle since before the cut-off, at most {@code limit} per call so a purge holds no long lock. */
    @SqlQuery("SELECT id FROM page_sessions WHERE last_seen_at < :before ORDER BY id LIMIT :limit")
    List<Long> idleSince(@Bind("before") Instant before, @Bind("limit") int limit);

    /** Maps a session row joined with its user's columns. */
    final class PageSessionMapper implements RowMapper<PageSession> {
        @Override
        public PageSession map(ResultSet rs, StatementContext context) throws SQLException {
            return new PageSession(rs.getLong("session_id"), UserDao.MAPPER.map(rs, context), rs.getString("csrf_token"),
                    JdbiSetup.instant(rs, "last_seen_at"));
        }
    }
}
