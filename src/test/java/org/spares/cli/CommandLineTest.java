package org.spares.cli;

import static org.assertj.core.api.Assertions.assertThat;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spares.support.SparesProcess;
import org.spares.support.SparesProcess.Result;
import org.spares.support.TestDatabase;


/**
 * The command line as a person meets it, each command in its own JVM: an ordinary mistake is one line on stderr
 * and a non-zero exit, never a stack trace (unless --verbose asks for one); Liquibase's summary appears only for
 * {@code db migrate}; --version prints the project's version.
 */
class CommandLineTest {
    @TempDir
    Path directory;
    private final List<TestDatabase> databases = new ArrayList<>();

    @AfterEach
    void dropDatabases() {
        databases.forEach(TestDatabase::drop);
    }

    @Test
    void versionPrintsTheProjectVersion() {
        Result result = SparesProcess.run(directory, "--version");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out().strip()).isEqualTo("spares " + System.getProperty("spares.projectVersion"));
        assertThat(result.err()).isEmpty();
    }

    @Test
    void anUnknownRoleIsOneLineThatListsTheRoles() {
        Result result = SparesProcess.run(directory, "add-user", "--name", "merlin", "--role", "WIZARD",
                config());
        assertOneLine(result, CommandLine.USAGE, "spares add-user: ", "WIZARD", "ADMIN", "TECHNICIAN");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aMissingConfigFileIsOneLineAndVerboseAddsTheStackTrace() {
        Result result = SparesProcess.run(directory, "add-user", "--name", "ann", "--role", "ADMIN", "missing.yml");
        assertOneLine(result, CommandLine.FAILED, "spares add-user: ", "missing.yml", "not found");

        Result verbose = SparesProcess.run(directory, "add-user", "--verbose", "--name", "ann", "--role", "ADMIN",
                "missing.yml");
        assertThat(verbose.exitCode()).isEqualTo(CommandLine.FAILED);
        assertThat(verbose.errLines().get(0)).contains("missing.yml");
        assertThat(verbose.err()).contains("FileNotFoundException").contains("\tat io.dropwizard.");
    }

    @Test
    void aBadOptionOrCommandIsOneLine() {
        assertOneLine(SparesProcess.run(directory, "add-user", "--bogus", "--name", "ann", "--role", "ADMIN",
                config()), CommandLine.USAGE, "spares add-user: ", "--bogus", "add-user --help");
        assertOneLine(SparesProcess.run(directory, "seed-demo", "--days", "many", config()), CommandLine.USAGE,
                "spares seed-demo: ", "--days", "many");
        assertOneLine(SparesProcess.run(directory, "frobnicate"), CommandLine.USAGE, "spares: ", "frobnicate",
                "add-user");
    }

    @Test
    void seedDemoRefusesADatabaseThatIsNotEmptyBeforeWritingAnything() {
        TestDatabase database = database();
        Jdbi jdbi = database.migratedJdbi();
        jdbi.useHandle(handle -> handle.createUpdate("""
                INSERT INTO depots (code, name, target_turnaround_hours, mean_repair_hours, created_at, updated_at)
                VALUES ('NYC', 'New York', 48, 8, :at, :at)""").bind("at", Instant.now()).execute());

        Result result = SparesProcess.run(directory, "seed-demo", "--days", "2", SparesProcess.config(database));

        assertOneLine(result, CommandLine.FAILED, "spares seed-demo: ", "empty database", "depots=1");
        long users = jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM users").mapTo(Long.class)
                .one());
        assertThat(users).as("not even its acting user").isZero();
    }

    @Test
    void onlyDbMigrateShowsLiquibaseSummary() {
        Result addUser = SparesProcess.run(directory, "add-user", "--name", "ann", "--role", "ADMIN",
                SparesProcess.config(database()));
        assertThat(addUser.exitCode()).as(addUser.toString()).isZero();
        assertThat(addUser.out() + addUser.err()).doesNotContain("UPDATE SUMMARY").doesNotContain("Running Changeset");
        List<String> lines = addUser.out().lines().toList();
        assertThat(lines.get(lines.size() - 1)).as("the token, alone on the last line").startsWith("sp_");

        Result migrate = SparesProcess.run(directory, "db", "migrate", SparesProcess.config(database()));
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        assertThat(migrate.out()).contains("UPDATE SUMMARY");
    }

    private TestDatabase database() {
        TestDatabase database = TestDatabase.sharable(directory.resolve("db" + databases.size()));
        databases.add(database);
        return database;
    }

    /** A valid config file on a database no command here reaches: the mistakes are found first. */
    private String config() {
        return SparesProcess.config(TestDatabase.at("jdbc:h2:mem:unused", "sa", ""));
    }

    private static void assertOneLine(Result result, int exitCode, String... fragments) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(exitCode);
        assertThat(result.errLines()).as(result.toString()).hasSize(1);
        assertThat(result.err()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(result.errLines().get(0)).contains(fragments);
    }
}
