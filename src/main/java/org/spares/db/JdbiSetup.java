package org.spares.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.extension.ExtensionFactory;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.sqlobject.SqlObjectFactory;
import org.spares.domain.SupportedTime;

/**
 * What every Jdbi of Spares needs, whoever builds it (server, commands, tests).
 *
 * <p>Instants are bound as text `uuuu-MM-dd HH:mm:ss.SSSSSS` in UTC: MariaDB 10.x with Connector/J drops the
 * fraction of a bound Timestamp, and text keeps it on H2, MySQL and MariaDB alike. They are read back as
 * LocalDateTime (no time-zone conversion by the driver) and taken as UTC. The year is the proleptic year
 * ({@code uuuu}), never year-of-era ({@code yyyy}, which writes 2028 BC as "2028"), and an instant outside
 * {@link SupportedTime} is refused here too: the API refuses it first, so reaching this is a bug, and a wrong
 * year must never be written or compared silently.
 */
public final class JdbiSetup {
    public static final DateTimeFormatter DATABASE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private JdbiSetup() {
    }

    public static Jdbi configure(Jdbi jdbi) {
        jdbi.setTransactionHandler(new SingleTransactions());
        jdbi.registerArgument(new InstantArgumentFactory());
        jdbi.registerColumnMapper(Instant.class,
                (resultSet, column, context) -> utc(resultSet.getObject(column, LocalDateTime.class)));
        return jdbi;
    }

    /** A stored time read back as LocalDateTime (no time-zone conversion by the driver) and taken as UTC. */
    public static Instant instant(ResultSet resultSet, String column) throws SQLException {
        return utc(resultSet.getObject(column, LocalDateTime.class));
    }

    private static Instant utc(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    /** Every SqlObject DAO of Spares ({@code DaoListTest} keeps the list whole). */
    static final List<Class<?>> DAOS = List.of(AuditDao.class, ClusterDao.class, ContentsDao.class,
            DemandHistoryDao.class, DepotDao.class, IdempotencyDao.class, InstanceDao.class, LedgerDao.class,
            OptimizationDao.class, PageSessionDao.class, PartDao.class, PositionDao.class, PositionTotalsDao.class,
            RecommendationDao.class, RepairOrderDao.class, ReservationDao.class, TransferDao.class, UserDao.class);

    /**
     * Builds each DAO's extension metadata once, on the Jdbi itself. Jdbi caches it in the configuration, but every
     * Handle works on its own copy of the configuration: without this, each {@code handle.attach} rebuilds the DAO's
     * metadata by reflection (about a millisecond of CPU per attach, several per request) and the result dies with
     * the handle. Built here, every handle's copy starts with it. Call after the SqlObject plugin is installed.
     */
    public static Jdbi cacheDaoMetadata(Jdbi jdbi) {
        Extensions extensions = jdbi.getConfig(Extensions.class);
        ExtensionFactory factory = extensions.findFactory(SqlObjectFactory.class)
                .orElseThrow(() -> new IllegalStateException("the SqlObject plugin is not installed"));
        DAOS.forEach(dao -> extensions.findMetadata(dao, factory));
        return jdbi;
    }

    private static final class InstantArgumentFactory extends AbstractArgumentFactory<Instant> {
        InstantArgumentFactory() {
            super(Types.VARCHAR);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            if (!SupportedTime.contains(value)) {
                throw new IllegalArgumentException("instant outside the supported range: " + value);
            }
            String text = DATABASE_TIME.format(value);
            return (position, statement, context) -> statement.setString(position, text);
        }
    }
}
