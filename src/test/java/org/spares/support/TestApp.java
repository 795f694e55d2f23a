package org.spares.support;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.spares.app.SparesApplication;
import org.spares.config.SparesConfiguration;
import org.spares.db.JdbiSetup;
import org.spares.domain.Role;
import org.spares.service.UserService.NewUser;

/**
 * The real service over real HTTP on a fresh database (H2, or MariaDB with SPARES_TEST_DB_URL), plus a client and
 * a direct Jdbi for assertions on the stored state.
 */
public final class TestApp {
    private final TestDatabase database;
    private final DropwizardAppExtension<SparesConfiguration> extension;
    private Jdbi jdbi;

    private TestApp(TestDatabase database, Class<? extends SparesApplication> application, ConfigOverride... extra) {
        this(database, database.url(), application, ResourceHelpers.resourceFilePath("test-config.yml"), extra);
    }

    /**
     * Each key may be overridden once only: Dropwizard keeps the overrides in a set, so two values for one key
     * would be applied in no fixed order.
     */
    private TestApp(TestDatabase database, String serviceUrl, Class<? extends SparesApplication> application,
            String configPath, ConfigOverride... extra) {
        this.database = database;
        List<ConfigOverride> overrides = new ArrayList<>(List.of(
                ConfigOverride.config("database.url", serviceUrl),
                ConfigOverride.config("database.user", database.user()),
                ConfigOverride.config("database.password", database.password())));
        overrides.addAll(Arrays.asList(extra));
        this.extension = new DropwizardAppExtension<>(application, configPath,
                overrides.toArray(ConfigOverride[]::new));
    }

    public static TestApp create(ConfigOverride... overrides) {
        return new TestApp(TestDatabase.fresh(), TestSparesApplication.class, overrides);
    }

    /**
     * The app on a database the test prepared, reached by the service at {@code serviceUrl} (through a proxy, say)
     * while {@link #jdbi()} reaches it straight.
     */
    public static TestApp on(TestDatabase database, String serviceUrl, ConfigOverride... overrides) {
        return new TestApp(database, serviceUrl, TestSparesApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"), overrides);
    }

    /**
     * The app with numbers or booleans in its configuration. {@link ConfigOverride} can only give text, which the
     * strict configuration parser refuses for a number ("8" for 8), so these values are written into a copy of
     * test-config.yml. Keys are dotted paths, such as {@code spares.maxConcurrentRequests}.
     */
    public static TestApp configured(Map<String, Object> values, ConfigOverride... overrides) {
        TestDatabase database = TestDatabase.fresh();
        return new TestApp(database, database.url(), TestSparesApplication.class, TestConfigFile.with(values),
                overrides);
    }

    /** As {@link #configured}, on {@link ClockedSparesApplication#CLOCK}, which the test moves by hand. */
    public static TestApp clockedAndConfigured(Map<String, Object> values, ConfigOverride... overrides) {
        TestDatabase database = TestDatabase.fresh();
        return new TestApp(database, database.url(), ClockedSparesApplication.class, TestConfigFile.with(values),
                overrides);
    }

    /** The app on {@link ClockedSparesApplication#CLOCK}, which the test moves by hand. */
    public static TestApp clocked(ConfigOverride... overrides) {
        return new TestApp(TestDatabase.fresh(), ClockedSparesApplication.class, overrides);
    }

    /** Register this with {@code @RegisterExtension}. */
    public DropwizardAppExtension<SparesConfiguration> extension() {
        return extension;
    }

    public String baseUrl() {
        return "http://localhost:" + extension.getLocalPort();
    }

    public String adminUrl() {
        return "http://localhost:" + extension.getAdminPort();
    }

    public synchronized Jdbi jdbi() {
        if (jdbi == null) {
            jdbi = JdbiSetup.configure(Jdbi.create(database.url(), database.user(), database.password()));
            jdbi.installPlugin(new SqlObjectPlugin());
            JdbiSetup.cacheDaoMetadata(jdbi);
        }
        return jdbi;
    }

    /** Creates a user straight in the database, as the add-user command does, and returns its token. */
    public String token(Role role, String... depots) {
        return TestServices.services(TestServices.transactions(jdbi()), Clock.systemUTC()).users()
                .createByOperator(new NewUser(role.name().toLowerCase() + "-" + String.join("-", depots), role,
                        List.of(depots))).token();
    }

    /** The password {@link #person} gives everyone. */
    public static final String PASSWORD = "a-test-password-42";

    /**
     * Creates a person who signs in to the pages, named as given, with {@link #PASSWORD}; returns their API token
     * (the same user may use both).
     */
    public String person(String name, Role role, String... depots) {
        return TestServices.services(TestServices.transactions(jdbi()), Clock.systemUTC()).users()
                .createByOperator(new NewUser(name, role, List.of(depots)), PASSWORD).token();
    }

    public ApiClient client(String token) {
        return new ApiClient(baseUrl(), token);
    }

    public ApiClient admin() {
        return client(token(Role.ADMIN));
    }

    public TestDatabase database() {
        return database;
    }
}
