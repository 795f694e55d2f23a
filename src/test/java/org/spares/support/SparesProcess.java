package org.spares.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.spares.app.SparesApplication;

/**
 * Runs {@code java -cp <the test classpath> org.spares.app.SparesApplication ARGS} in a directory, as a person runs
 * the jar: its own JVM, so exit status, stdout and stderr are exactly what they would see.
 */
public final class SparesProcess {
    private static final long TIMEOUT_SECONDS = 300;

    private SparesProcess() {
    }

    /** What a run left behind. */
    public record Result(int exitCode, String out, String err) {
        public List<String> errLines() {
            return err.lines().filter(line -> !line.isBlank()).toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    /** A config file for the commands: test-config.yml on the given database. */
    public static String config(TestDatabase database) {
        return TestConfigFile.with(Map.of("database.url", database.url(), "database.user", database.user(),
                "database.password", database.password()));
    }

    public static Result run(Path directory, String... arguments) {
        return runWithInput(directory, "", arguments);
    }

    /** Runs a command with {@code input} as its standard input (for add-user --password-stdin). */
    public static Result runWithInput(Path directory, String input, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"),
                // a short-lived command on a shared 2-core machine: start fast, stay small
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m", SparesApplication.class.getName()));
        command.addAll(Arrays.asList(arguments));
        try {
            Path out = Files.createTempFile(directory, "stdout", ".txt");
            Path err = Files.createTempFile(directory, "stderr", ".txt");
            Path in = Files.createTempFile(directory, "stdin", ".txt");
            Files.writeString(in, input, StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectInput(in.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("spares " + String.join(" ", arguments) + " did not end in "
                        + TIMEOUT_SECONDS + " s; stderr: " + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
