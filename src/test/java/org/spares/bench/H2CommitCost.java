package org.spares.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What H2's WRITE_DELAY=0 costs: a reservation-shaped transaction (claim a key, conditional UPDATE of one of 500
 * positions, INSERT the reservation, commit) from 8 connections on an H2 file database, for a number of seconds
 * with the old default WRITE_DELAY=500 and with 0, alternating, each on a new file. Raw JDBC: the database's share
 * of a reservation, without HTTP. Usage: {@code H2CommitCost [seconds per phase] [rounds]}.
 */
public final class H2CommitCost {
    private static final int CLIENTS = 8;
    private static final int POSITIONS = 500;

    private H2CommitCost() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        for (int round = 0; round < rounds; round++) {
            for (int delay : new int[] {500, 0}) {
                System.out.printf("WRITE_DELAY=%d: %.0f transactions/s%n", delay, run(delay, seconds));
            }
        }
    }

    private static double run(int delay, int seconds) throws Exception {
        Path directory = Files.createTempDirectory("h2-commit-cost");
        String url = "jdbc:h2:file:" + directory.resolve("cost") + ";MODE=MySQL;LOCK_TIMEOUT=10000;WRITE_DELAY=" + delay;
        try (Connection setup = DriverManager.getConnection(url, "sa", "");
                Statement statement = setup.createStatement()) {
            statement.execute("CREATE TABLE positions (id INT PRIMARY KEY, on_hand INT NOT NULL, reserved INT NOT NULL)");
            statement.execute("CREATE TABLE keys_used (id BIGINT AUTO_INCREMENT PRIMARY KEY, k VARCHAR(64) UNIQUE,"
                    + " answer VARCHAR(400))");
            statement.execute("CREATE TABLE reservations (id BIGINT AUTO_INCREMENT PRIMARY KEY, position_id INT,"
                    + " quantity INT, status VARCHAR(16))");
            for (int id = 0; id < POSITIONS; id++) {
                statement.execute("INSERT INTO positions VALUES (" + id + ", 1000000000, 0)");
            }
            AtomicLong done = new AtomicLong();
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> clients = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                int number = client;
                clients.add(pool.submit(() -> reserve(url, number, deadline, done)));
            }
            for (Future<?> client : clients) {
                client.get();
            }
            pool.shutdown();
            return done.get() / (double) seconds;
        }
    }

    private static Void reserve(String url, int client, long deadline, AtomicLong done) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                PreparedStatement key = connection.prepareStatement("INSERT INTO keys_used (k, answer) VALUES (?, ?)");
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE positions SET reserved = reserved + 1 WHERE id = ? AND on_hand - reserved >= 1");
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO reservations (position_id, quantity, status) VALUES (?, 1, 'HELD')")) {
            connection.setAutoCommit(false);
            for (long count = 0; System.nanoTime() < deadline; count++) {
                int position = ThreadLocalRandom.current().nextInt(POSITIONS);
                key.setString(1, client + "-" + count);
                key.setString(2, "{\"id\":" + count + ",\"status\":\"HELD\"}");
                key.executeUpdate();
                update.setInt(1, position);
                update.executeUpdate();
                insert.setInt(1, position);
                insert.executeUpdate();
                connection.commit();
                done.incrementAndGet();
            }
        }
        return null;
    }
}
