package org.spares.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The three-node Galera cluster of {@code bench/galera/cluster.sh} (ports 4306-4308), for the cluster tests: started
 * when it is not running, nodes killed and restarted through the script. The tests run when {@code SPARES_GALERA} is
 * set ({@code .ci/run} sets {@code required}); then a cluster that cannot start fails them. Without it they are
 * skipped with a line saying so.
 */
public final class GaleraCluster {
    public static final String ENV = "SPARES_GALERA";
    private static final Path SCRIPT = Path.of("bench/galera/cluster.sh");
    private static final int[] PORTS = {4306, 4307, 4308};
    /** As the service sets for a cluster: a read waits until the node has applied every commit before it. */
    private static final String CAUSAL_READS = "sessionVariables=wsrep_sync_wait=1";

    private GaleraCluster() {
    }

    /** The running cluster, all three nodes Synced; skips without {@value #ENV}. */
    public static GaleraCluster require() {
        String wanted = System.getenv(ENV);
        if (wanted == null || wanted.isBlank()) {
            String message = "Galera cluster tests need " + ENV + "=required (.ci/run sets it; they start the"
                    + " cluster with bench/galera/cluster.sh, which installs galera-4 from Debian)";
            System.err.println("SKIPPED: " + message);
            Assumptions.abort(message);
        }
        GaleraCluster cluster = new GaleraCluster();
        if (!(cluster.synced(1) && cluster.synced(2) && cluster.synced(3))) {
            script("stop");
            script("start");
        }
        return cluster;
    }

    /** SIGKILL of one node's mariadbd, as a crash. */
    public void kill(int node) {
        script("kill", String.valueOf(node));
    }

    /** Starts a node again; returns once it has rejoined and is Synced. */
    public void restart(int node) {
        script("restart", String.valueOf(node));
    }

    /** Whether the node answers and reports wsrep_local_state_comment Synced and wsrep_ready ON. */
    public boolean synced(int node) {
        try (Connection connection = DriverManager.getConnection(nodeUrl("", node), "root", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW STATUS WHERE Variable_name IN "
                        + "('wsrep_local_state_comment', 'wsrep_ready', 'wsrep_cluster_size')")) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1) + "=" + rows.getString(2));
            }
            return values.contains("wsrep_local_state_comment=Synced") && values.contains("wsrep_ready=ON");
        } catch (SQLException down) {
            return false;
        }
    }

    /** wsrep_desync on one node: it stays in the cluster but leaves the Synced state (as a donor does). */
    public void setDesync(int node, boolean desync) {
        try (Connection connection = DriverManager.getConnection(nodeUrl("", node), "root", "");
                Statement statement = connection.createStatement()) {
            statement.execute("SET GLOBAL wsrep_desync = " + (desync ? "ON" : "OFF"));
        } catch (SQLException failure) {
            throw new AssertionError("Galera node " + node + ": " + failure.getMessage(), failure);
        }
    }

    /** A new, empty schema (created on node 1, replicated to all). */
    public String createSchema() {
        String schema = "spares_galera_" + UUID.randomUUID().toString().substring(0, 8);
        execute("CREATE DATABASE `" + schema + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        return schema;
    }

    public void dropSchema(String schema) {
        execute("DROP DATABASE IF EXISTS `" + schema + "`");
    }

    /**
     * Connector/J's multi-host URL over all three nodes, {@code preferred} first: a connection goes to the first node
     * that answers, so an instance on this URL works on its node and fails over to the next when it is lost.
     */
    public String url(String schema, int preferred) {
        StringBuilder hosts = new StringBuilder();
        for (int i = 0; i < PORTS.length; i++) {
            int node = (preferred - 1 + i) % PORTS.length;
            hosts.append(i == 0 ? "" : ",").append("127.0.0.1:").append(PORTS[node]);
        }
        return "jdbc:mysql://" + hosts + "/" + schema + "?" + CAUSAL_READS;
    }

    /** One node alone, to read what that node holds. */
    public String nodeUrl(String schema, int node) {
        return "jdbc:mysql://127.0.0.1:" + PORTS[node - 1] + "/" + schema + "?connectTimeout=2000&" + CAUSAL_READS;
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(nodeUrl("", 1), "root", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failure) {
            throw new AssertionError("Galera node 1: " + sql + ": " + failure.getMessage(), failure);
        }
    }

    /** Runs cluster.sh; its output goes to the test's output; a failure fails the test. */
    private static void script(String... arguments) {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            // The script's own timeouts bound it (120 s per node); the nodes it starts write to their own logs.
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("cluster.sh " + String.join(" ", arguments) + " did not end");
            }
            System.out.print(output);
            if (process.exitValue() != 0) {
                throw new AssertionError("cluster.sh " + String.join(" ", arguments) + " failed ("
                        + process.exitValue() + "): " + output);
            }
        } catch (IOException failure) {
            throw new AssertionError("cannot run " + SCRIPT + ": " + failure.getMessage(), failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", interrupted);
        }
    }
}
