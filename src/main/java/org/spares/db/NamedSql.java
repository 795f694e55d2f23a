package org.spares.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.ColonPrefixSqlParser;
import org.jdbi.v3.core.statement.ParsedSql;

/**
 * A DAO's SQL with {@code :named} parameters, parsed once by Jdbi's own parser into JDBC's positional form and run
 * on the handle's connection, inside the handle's transaction, mapped by the DAO's own RowMapper. For the statements
 * of the hot path only (each DAO's static methods that take a Handle): a Jdbi statement copies the configuration,
 * looks up an argument factory per binding and specialises its row mapper on every execution, and attaching a
 * SqlObject DAO copies the configuration once per method (40 microseconds for PositionDao, measured on H2), which
 * together cost more CPU than the rest of a reservation's Java work. Instants are bound as text, as
 * {@link JdbiSetup} binds them; enums by name, as Jdbi binds them.
 */
public final class NamedSql {
    private final String sql;
    private final List<String> names;

    private NamedSql(String sql, List<String> names) {
        this.sql = sql;
        this.names = names;
    }

    public static NamedSql of(String namedSql) {
        ParsedSql parsed = new ColonPrefixSqlParser().parse(namedSql, null);
        return new NamedSql(parsed.getSql(), List.copyOf(parsed.getParameters().getParameterNames()));
    }

    /**
     * At most one row, as Jdbi's {@code findOne}: more than one is a bug in the caller's SQL. The mapper is the one
     * the DAO registers for its SqlObject methods; it gets no StatementContext here, so it must not need one.
     */
    public <T> Optional<T> findOne(Handle handle, RowMapper<T> mapper, Object... namesAndValues) {
        try (PreparedStatement statement = handle.getConnection().prepareStatement(sql)) {
            bind(statement, namesAndValues);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                T found = mapper.map(rows, null);
                if (rows.next()) {
                    throw new IllegalStateException("more than one row for a statement that expects at most one");
                }
                return Optional.of(found);
            }
        } catch (SQLException failure) {
            throw new StatementFailure(failure);
        }
    }

    /** The number of rows changed. */
    public int update(Handle handle, Object... namesAndValues) {
        try (PreparedStatement statement = handle.getConnection().prepareStatement(sql)) {
            bind(statement, namesAndValues);
            return statement.executeUpdate();
        } catch (SQLException failure) {
            throw new StatementFailure(failure);
        }
    }

    /** Inserts one row and returns its generated {@code id}. */
    public long insert(Handle handle, Object... namesAndValues) {
        try (PreparedStatement statement = handle.getConnection().prepareStatement(sql, new String[] {"id"})) {
            bind(statement, namesAndValues);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new IllegalStateException("the database returned no generated id");
                }
                return keys.getLong(1);
            }
        } catch (SQLException failure) {
            throw new StatementFailure(failure);
        }
    }

    /** The positional SQL, for tests. */
    String positionalSql() {
        return sql;
    }

    private void bind(PreparedStatement statement, Object[] namesAndValues) throws SQLException {
        for (int position = 0; position < names.size(); position++) {
            set(statement, position + 1, valueOf(names.get(position), namesAndValues));
        }
    }

    private static Object valueOf(String name, Object[] namesAndValues) {
        for (int index = 0; index < namesAndValues.length; index += 2) {
            if (namesAndValues[index].equals(name)) {
                return namesAndValues[index + 1];
            }
        }
        throw new IllegalArgumentException("no value for :" + name);
    }

    private static void set(PreparedStatement statement, int position, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(position, Types.VARCHAR);
        } else if (value instanceof Long number) {
            statement.setLong(position, number);
        } else if (value instanceof Integer number) {
            statement.setInt(position, number);
        } else if (value instanceof String text) {
            statement.setString(position, text);
        } else if (value instanceof Enum<?> constant) {
            // By name, as Jdbi binds enums by default.
            statement.setString(position, constant.name());
        } else if (value instanceof Instant instant) {
            statement.setString(position, JdbiSetup.DATABASE_TIME.format(instant));
        } else {
            throw new IllegalArgumentException("cannot bind a " + value.getClass().getSimpleName());
        }
    }

    /** A statement failed; the SQLException (with its state and vendor code for {@link SqlErrors}) is the cause. */
    public static final class StatementFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StatementFailure(SQLException cause) {
            super("a database statement failed", cause);
        }
    }
}
