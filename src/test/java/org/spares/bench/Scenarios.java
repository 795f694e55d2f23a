package org.spares.bench;

import java.util.List;
import org.spares.service.Tokens;

/**
 * Client factories for a phase. Client i uses repair order i (its own, so clients never wait on each other's
 * order lock, only on a shared position) and technician i mod 8.
 */
final class Scenarios {
    private final int port;
    private final BenchFixture fixture;
    private final String jdbc;
    private final String dbUser;
    private final String dbPassword;
    private final JdbcReservations.Ids ids;
    private int keyedPhases;

    Scenarios(int port, BenchFixture fixture, String jdbc, String dbUser, String dbPassword,
            JdbcReservations.Ids ids) {
        this.port = port;
        this.fixture = fixture;
        this.jdbc = jdbc;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
        this.ids = ids;
    }

    LoadPhase.ClientFactory http(List<String> skus, boolean idempotencyKeys) {
        String phase = idempotencyKeys ? "k" + (++keyedPhases) : null;
        return index -> new HttpReservations(new HttpLite("127.0.0.1", port),
                fixture.technicianTokens.get(index % fixture.technicianTokens.size()), order(index), skus,
                phase == null ? null : phase + "-" + index);
    }

    /** The core statements under the locks, ids known up front. */
    LoadPhase.ClientFactory jdbc(List<String> skus) {
        return index -> new JdbcReservations(jdbc, dbUser, dbPassword, ids, skus, order(index), null);
    }

    /** Also the token's user and the order/part lookup, as one API request needs: the same client's token. */
    LoadPhase.ClientFactory jdbcWholeRequest(List<String> skus) {
        return index -> new JdbcReservations(jdbc, dbUser, dbPassword, ids, skus, order(index),
                Tokens.hash(fixture.technicianTokens.get(index % fixture.technicianTokens.size())));
    }

    private long order(int index) {
        return fixture.repairOrders.get(index % fixture.repairOrders.size());
    }
}
