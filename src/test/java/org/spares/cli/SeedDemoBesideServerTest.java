package org.spares.cli;

import static org.assertj.core.api.Assertions.assertThat;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.spares.config.SparesConfiguration;
import org.spares.support.SparesProcess;
import org.spares.support.SparesProcess.Result;
import org.spares.support.TestApp;
import org.spares.support.TestDatabase;


/**
 * seed-demo started while a server runs on the same database (an H2 file with AUTO_SERVER, or MariaDB) refuses
 * with one line that says what to do, before it writes anything: it used to die part-way, when the server's expiry
 * job (real clock) expired a reservation that the simulation (its own clock) was about to issue.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SeedDemoBesideServerTest {
    private static final TestDatabase DATABASE = TestDatabase.sharable(temporaryDirectory());
    private static final TestApp SERVER = TestApp.on(DATABASE, DATABASE.url());
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = SERVER.extension();

    @Test
    void seedDemoRefusesWhileAServerRuns(@TempDir Path directory) {
        Result result = SparesProcess.run(directory, "seed-demo", "--days", "2", SparesProcess.config(DATABASE));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(CommandLine.FAILED);
        assertThat(result.errLines()).as(result.toString()).hasSize(1);
        assertThat(result.err()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(result.errLines().get(0)).contains("spares seed-demo: a Spares server is using this database")
                .contains("pid " + ProcessHandle.current().pid()).contains("stop it, then run seed-demo");
        assertThat(count("SELECT COUNT(*) FROM depots")).isZero();
        assertThat(count("SELECT COUNT(*) FROM users")).as("not even its acting user").isZero();
    }

    private static long count(String sql) {
        return SERVER.jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    private static Path temporaryDirectory() {
        try {
            Path directory = Files.createTempDirectory("spares-seed-demo-beside-server");
            directory.toFile().deleteOnExit();
            return directory;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
