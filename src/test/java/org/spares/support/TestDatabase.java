package org.spares.support;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.tomcat.jdbc.pool.PoolProperties;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.spares.config.DatabaseSetup;
import org.spares.db.JdbiSetup;

/**
 * A fresh, empty database for one test class: H2 in memory by default, or a new schema on the MySQL/MariaDB
 * server named by {@code SPARES_TEST_DB_URL}. When that variable is set and the server cannot be reached, the test
 * fails: a database test never skips silently.
 */
public final class TestDatabase {
    public static final String ENV = "SPARES_TEST_DB_URL";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String url;
    private final String user;
    private final String password;
    private final String schema;
    private org.apache.tomcat.jdbc.pool.DataSource pool;

    private TestDatabase(String url, String user, String password, String schema) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.schema = schema;
    }

    /** A database at a URL someone else prepared (an H2 TCP server, say); never dropped. */
    public static TestDatabase at(String url, String user, String password) {
        return new TestDatabase(url, user, password, null);
    }

    public static boolean usesMySql() {
        String configured = System.getenv(ENV);
        return configured != null && !configured.isBlank();
    }

    public static TestDatabase fresh() {
        String configured = System.getenv(ENV);
        if (configured == null || configured.isBlank()) {
            String name = "spares_test_" + COUNTER.incrementAndGet() + "_" + UUID.randomUUID().toString().substring(0, 8);
            return new TestDatabase("jdbc:h2:mem:" + name + ";MODE=MySQL;DATABASE_TO_UPPER=FALSE;"
                    + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", "", null);
        }
        return mysql(configured);
    }

    /**
     * A fresh database that other processes can open too (a command run as its own JVM, say): an H2 file under
     * {@code directory} with AUTO_SERVER (the first process to open it serves the others), or a fresh MySQL schema.
     */
    public static TestDatabase sharable(Path directory) {
        if (usesMySql()) {
            return fresh();
        }
        return at("jdbc:h2:file:" + directory.resolve("spares").toAbsolutePath() + ";MODE=MySQL;"
                + "DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;LOCK_TIMEOUT=10000;AUTO_SERVER=TRUE",
                "sa", "");
    }

    /** A fresh schema on the MySQL server of the URL; throws when the server cannot be used. */
    public static TestDatabase mysql(String configured) {
        // jdbc:mysql://host:port/base?params -> a new schema base_N_random on the same server
        String withoutPrefix = configured.substring("jdbc:mysql://".length());
        int slash = withoutPrefix.indexOf('/');
        String hostPort = slash < 0 ? withoutPrefix : withoutPrefix.substring(0, slash);
        String rest = slash < 0 ? "spares_test" : withoutPrefix.substring(slash + 1);
        int question = rest.indexOf('?');
        String base = question < 0 ? rest : rest.substring(0, question);
        String params = question < 0 ? "" : rest.substring(question + 1);
        String schema = (base.isEmpty() ? "spares_test" : base) + "_" + COUNTER.incrementAndGet() + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        String user = System.getenv().getOrDefault("SPARES_TEST_DB_USER", "root");
        String password = System.getenv().getOrDefault("SPARES_TEST_DB_PASSWORD", "");
        String serverUrl = "jdbc:mysql://" + hostPort + "/";
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE `" + schema + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException failure) {
            throw new IllegalStateException(ENV + " is set but the database server at " + serverUrl
                    + " cannot be used: " + failure.getMessage(), failure);
        }
        String extra = "useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true";
        String url = "jdbc:mysql://" + hostPort + "/" + schema + "?" + (params.isEmpty() ? extra : params + "&" + extra);
        return new TestDatabase(url, user, password, schema);
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The changelog applied, and a Jdbi configured as the service's (instants, SqlObjects), for DAO tests. */
    public Jdbi migratedJdbi() {
        DatabaseSetup.migrate(dataSource());
        Jdbi jdbi = JdbiSetup.configure(Jdbi.create(pool()));
        jdbi.installPlugin(new SqlObjectPlugin());
        // As the service does: without it every attach rebuilds a DAO's metadata by reflection.
        return JdbiSetup.cacheDaoMetadata(jdbi);
    }

    /**
     * A small pool, as the service has one: a new MariaDB connection costs a handshake and the driver's setup
     * queries, which a test that runs thousands of units of work (a demo history) would pay on each. Idle
     * connections close within seconds, so a test that never calls {@link #drop()} holds none for long.
     */
    private synchronized DataSource pool() {
        if (pool == null) {
            PoolProperties properties = new PoolProperties();
            properties.setUrl(url);
            properties.setUsername(user);
            properties.setPassword(password);
            properties.setDriverClassName(url.startsWith("jdbc:mysql:") ? "com.mysql.cj.jdbc.Driver" : "org.h2.Driver");
            properties.setMaxActive(16);
            properties.setInitialSize(0);
            properties.setMinIdle(0);
            properties.setMaxIdle(4);
            properties.setTimeBetweenEvictionRunsMillis(1000);
            properties.setMinEvictableIdleTimeMillis(3000);
            properties.setDefaultAutoCommit(true);
            properties.setRollbackOnReturn(true);
            pool = new org.apache.tomcat.jdbc.pool.DataSource(properties);
        }
        return pool;
    }

    /** A plain DataSource over DriverManager, for migrating and for DAO tests that need no pool. */
    public DataSource dataSource() {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return DriverManager.getConnection(url, user, password);
                    }
                    if (method.getName().equals("isWrapperFor")) {
                        return false;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Drops the MySQL schema; H2 memory databases go with the JVM. */
    public void drop() {
        synchronized (this) {
            if (pool != null) {
                pool.close(true);
                pool = null;
            }
        }
        if (schema == null) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE `" + schema + "`");
        } catch (SQLException ignored) {
            // A schema left behind is harmless: every run makes new names.
        }
    }
}
