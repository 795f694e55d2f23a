package org.spares.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spares.service.Passwords;
import org.spares.support.SparesProcess;
import org.spares.support.SparesProcess.Result;
import org.spares.support.TestDatabase;

/** {@code add-user --password-stdin}: the first line of standard input becomes the password, hashed. */
class AddUserPasswordTest {
    private static final String PASSWORD = "a long enough password";

    @TempDir
    Path directory;
    private TestDatabase database;

    @AfterEach
    void dropDatabase() {
        if (database != null) {
            database.drop();
        }
    }

    @Test
    void thePasswordFromStandardInputIsStoredOnlyAsItsHash() {
        database = TestDatabase.sharable(directory.resolve("db"));
        Result result = SparesProcess.runWithInput(directory, PASSWORD + "\n", "add-user", "--name", "pat",
                "--role", "FINANCE", "--password-stdin", SparesProcess.config(database));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out() + result.err()).doesNotContain(PASSWORD);

        List<String> hashes = Jdbi.create(database.url(), database.user(), database.password()).withHandle(handle ->
                handle.select("SELECT password_hash FROM users WHERE name = 'pat'").mapTo(String.class).list());
        assertThat(hashes).hasSize(1);
        assertThat(hashes.get(0)).isNotEqualTo(PASSWORD).startsWith("$2a$12$");
        assertThat(Passwords.matches(PASSWORD, hashes.get(0))).isTrue();
    }

    @Test
    void aShortOrMissingPasswordIsOneLineAndNoUser() {
        database = TestDatabase.sharable(directory.resolve("db"));
        for (String input : List.of("short\n", "")) {
            Result result = SparesProcess.runWithInput(directory, input, "add-user", "--name", "pat",
                    "--role", "FINANCE", "--password-stdin", SparesProcess.config(database));
            assertThat(result.exitCode()).as(result.toString()).isNotZero();
            assertThat(result.errLines()).as(result.toString()).hasSize(1);
            assertThat(result.err()).doesNotContain("\tat ").contains("--password-stdin");
        }
    }
}
