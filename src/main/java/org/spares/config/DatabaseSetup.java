package org.spares.config;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spares.db.JdbiSetup;
import org.spares.service.Services;
import org.spares.service.Transactions;

/** Which database a URL means, and applying the one changelog to it. */
public final class DatabaseSetup {
    public static final String CHANGELOG = "db/changelog.xml";
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseSetup.class);
    private static final int MIGRATION_ATTEMPTS = 3;
    private static final Object MIGRATIONS = new Object();

    private DatabaseSetup() {
    }

    /**
     * Connector/J waits forever by default: to connect to a server that does not answer, and for an answer on a
     * link that went silent. Bounded waits make an unreachable database a quick 503 instead of a hung request
     * thread. The connect bound matches the pool's 2 s wait for a connection; the read bound is far above any
     * statement of the service (reports included) and only ends waits on a dead link. database.properties in
     * config.yml overrides either.
     */
    static final String CONNECT_TIMEOUT_MILLIS = "2000";
    static final String SOCKET_TIMEOUT_MILLIS = "60000";

    /** The driver follows the URL, so switching databases is one environment variable (SPARES_DB_URL). */
    public static void chooseDriver(DataSourceFactory factory) {
        String url = factory.getUrl();
        if (url != null && (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:"))) {
            factory.setDriverClass("com.mysql.cj.jdbc.Driver");
            if (url.startsWith("jdbc:mariadb:")) {
                factory.setUrl("jdbc:mysql:" + url.substring("jdbc:mariadb:".length()));
            }
            saveRoundTrips(factory);
            if (isMultiHost(factory.getUrl())) {
                // Connector/J's failover marks connections to any host but the first read-only by default, for
                // primary-and-replica setups; every node of a Galera cluster takes writes.
                factory.getProperties().putIfAbsent("failOverReadOnly", "false");
                // A Galera node applies the others' commits a little after they are acknowledged: without causal
                // reads an order created through one node could be "not found" through another a moment later.
                factory.getProperties().putIfAbsent("sessionVariables", "wsrep_sync_wait=1");
            }
            factory.getProperties().putIfAbsent("connectTimeout", CONNECT_TIMEOUT_MILLIS);
            factory.getProperties().putIfAbsent("socketTimeout", SOCKET_TIMEOUT_MILLIS);
        } else if (url != null && url.startsWith("jdbc:h2:")) {
            factory.setDriverClass("org.h2.Driver");
            factory.setUrl(DurableCommits.h2Url(url));
        }
    }

    /**
     * Connector/J settings for a short transaction per request (config.yml can override each): keep the session state
     * (auto-commit, isolation) on the client instead of asking the server; cache the server's settings across new
     * connections and the parsed form of each prepared statement (the same few statements run on every request);
     * send batches as multi-row statements.
     */
    private static void saveRoundTrips(DataSourceFactory factory) {
        Map<String, String> properties = new LinkedHashMap<>(factory.getProperties());
        properties.putIfAbsent("useLocalSessionState", "true");
        properties.putIfAbsent("cacheServerConfiguration", "true");
        properties.putIfAbsent("cachePrepStmts", "true");
        properties.putIfAbsent("prepStmtCacheSize", "250");
        properties.putIfAbsent("prepStmtCacheSqlLimit", "2048");
        properties.putIfAbsent("rewriteBatchedStatements", "true");
        factory.setProperties(properties);
    }

    /**
     * True for Connector/J's failover URL, several hosts in one ({@code jdbc:mysql://a:3306,b:3306/spares}): a new
     * connection goes to the first host that answers, so an instance outlives the loss of its database node.
     */
    static boolean isMultiHost(String url) {
        String rest = url.substring(url.indexOf("//") + 2);
        int end = rest.indexOf('/');
        return (end < 0 ? rest : rest.substring(0, end)).contains(",");
    }

    public static boolean isMySql(String url) {
        return url != null && url.startsWith("jdbc:mysql:");
    }

    /**
     * A Jdbi for a command (add-user, seed-demo, check-ledger): the same setup as the server, the changelog applied,
     * and a pool of its own that the caller closes.
     */
    public static CommandDatabase openForCommand(SparesConfiguration configuration, String name) {
        DataSourceFactory factory = configuration.getDatabase();
        // No connections opened up front: a pool that cannot open its initial ones logs the driver's stack trace
        // (tomcat-jdbc, at ERROR) before the command can say in one line that the database cannot be reached.
        factory.setInitialSize(0);
        factory.setMinSize(0);
        ManagedDataSource dataSource = PoolValidator.build(factory, new MetricRegistry(), name);
        Jdbi jdbi = JdbiSetup.configure(Jdbi.create(dataSource));
        jdbi.installPlugin(new SqlObjectPlugin());
        JdbiSetup.cacheDaoMetadata(jdbi);
        migrate(dataSource);
        return new CommandDatabase(jdbi, dataSource, configuration);
    }

    /**
     * A command's database. Closing it closes the pool, which an embedded H2 needs to write its last commits to
     * disk before the JVM exits.
     */
    public record CommandDatabase(Jdbi jdbi, ManagedDataSource dataSource, SparesConfiguration configuration)
            implements AutoCloseable {
        /** Units of work as the server runs them; a command sends no Idempotency-Keys, so the real clock stamps. */
        public Transactions transactions() {
            SparesSettings settings = configuration.getSpares();
            return new Transactions(jdbi, settings.getTransactionRetries(), Clock.systemUTC(),
                    settings.getMaxStoredAnswerSize().toBytes());
        }

        /** The services the server runs, on the given clock (seed-demo's is simulated). */
        public Services services(Transactions transactions, Clock clock) {
            return Services.build(transactions, clock, configuration.getSpares().getDefaultHoldingRate(),
                    Duration.ofMillis(configuration.getReservations().getHoldTime().toMilliseconds()));
        }

        @Override
        public void close() {
            try {
                dataSource.stop();
            } catch (Exception closing) {
                throw new IllegalStateException("closing the database pool failed", closing);
            }
        }
    }

    /**
     * Applies every pending changeset; safe to run on every start, and on several instances starting at once.
     * Between processes, Liquibase's lock serialises the changesets but not the creation of its own two tables on an
     * empty database, where all but one instance fail with "already exists": the run is tried again then (up to
     * {@value #MIGRATION_ATTEMPTS} times, a second apart) and finds the tables and the lock in place. Within one JVM
     * (the tests start several apps in one) runs take turns: four at once there sometimes left Liquibase's lock row
     * held for good, on H2 and on MariaDB.
     */
    public static void migrate(DataSource dataSource) {
        synchronized (MIGRATIONS) {
            migrateRetrying(dataSource);
        }
    }

    private static void migrateRetrying(DataSource dataSource) {
        for (int attempt = 1; ; attempt++) {
            try {
                migrateOnce(dataSource);
                return;
            } catch (IllegalStateException failure) {
                if (attempt >= MIGRATION_ATTEMPTS) {
                    throw failure;
                }
                LOG.info("applying the changelog failed ({}); another instance may be creating its tables, trying"
                        + " again", failure.getMessage());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw failure;
                }
            }
        }
    }

    // Liquibase marks its Liquibase facade deprecated in favour of its command API; the facade still applies a
    // changelog to a connection we hold in one call, with the logging scope set around it.
    @SuppressWarnings("deprecation")
    private static void migrateOnce(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            try {
                Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), database);
                // Liquibase talks to the console (each changeset, then UPDATE SUMMARY) unless told otherwise: on
                // every server start and every command that would bury a command's own output, add-user's token
                // line included. Its messages go to the log instead; `db migrate` still shows them.
                Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService(),
                                "liquibase.command.showSummaryOutput", UpdateSummaryOutputEnum.LOG),
                        () -> liquibase.update(new Contexts(), new LabelExpression()));
            } finally {
                // Liquibase turns auto-commit off; a pooled connection handed back that way would make Jdbi
                // think a transaction is already open and never commit.
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
                connection.setAutoCommit(autoCommit);
            }
        } catch (Exception failure) {
            // SQLException, LiquibaseException, or Exception as Scope.child declares it
            throw new IllegalStateException("applying the database changelog failed: " + failure.getMessage(), failure);
        }
    }
}
