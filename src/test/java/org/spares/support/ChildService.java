package org.spares.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Spares as a separate JVM on the shipped config.yml, so a test can kill it the hard way (SIGKILL): nothing of the
 * service runs in the test's JVM, and nothing gets a chance to flush or close. The working directory is a
 * temporary directory, so config.yml's default H2 URL ({@code ./data/spares}) puts the database file there;
 * {@code environment} adds or overrides config.yml's variables (ports are always chosen here).
 */
public final class ChildService {
    private static final Path CONFIG = Path.of("config.yml").toAbsolutePath();

    private final Path directory;
    private final Map<String, String> environment;
    private Process process;
    private int port;
    private int adminPort;

    public ChildService(Path directory, Map<String, String> environment) {
        this.directory = directory;
        this.environment = Map.copyOf(environment);
    }

    /** Starts the server on new free ports and waits until its health check answers 200 (at most 60 s). */
    public void start() throws IOException, InterruptedException {
        port = freePort();
        adminPort = freePort();
        process = builder(List.of("server", CONFIG.toString()), directory.resolve("server-" + port + ".log")).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        ApiClient admin = new ApiClient(adminUrl(), null);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited on start: " + log());
            }
            try {
                if (admin.get("/healthcheck").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the service did not become healthy within 60 s: " + log());
    }

    /** SIGKILL: the JVM ends at once, with no shutdown hook, no graceful stop, no close of the database. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: Dropwizard's graceful stop, which closes the pool and so the database. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String adminUrl() {
        return "http://127.0.0.1:" + adminPort;
    }

    public String log() throws IOException {
        return Files.readString(directory.resolve("server-" + port + ".log"));
    }

    private ProcessBuilder builder(List<String> arguments, Path output) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                // C1 only and the serial collector: the child starts in seconds on two busy cores; its peak speed
                // does not matter to a crash test.
                .toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "org.spares.app.SparesApplication"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("SPARES_PORT", Integer.toString(port));
        builder.environment().put("SPARES_ADMIN_PORT", Integer.toString(adminPort));
        return builder;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
