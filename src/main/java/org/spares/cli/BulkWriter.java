package org.spares.cli;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import org.spares.db.JdbiSetup;
import org.spares.domain.MovementType;
import org.spares.domain.TransferStatus;
import org.spares.domain.Transition;

/**
 * Batched inserts for seed-bulk: ledger rows, transfers and their state changes, flushed every {@link #BATCH} rows
 * and committed every {@link #COMMIT} rows. Instants are sent as text, like JdbiSetup does, so MariaDB keeps
 * microseconds.
 */
final class BulkWriter implements AutoCloseable {
    private static final int BATCH = 2_000;
    private static final int COMMIT = 50_000;

    private final Connection connection;
    private final PreparedStatement ledger;
    private final PreparedStatement transfers;
    private final PreparedStatement states;
    private int pendingLedger;
    private int pendingOther;
    private int uncommitted;

    BulkWriter(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
        ledger = connection.prepareStatement("""
                INSERT INTO ledger (at, type, depot_id, part_id, quantity, unit_cost, average_unit_cost_after,
                       on_hand_after, actor_id, actor_name, request_id, transfer_id, cost_time_micros, unit_micros,
                       value_micros)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 'seed-bulk', 'seed-bulk', ?, ?, ?, ?)
                """);
        transfers = connection.prepareStatement("""
                INSERT INTO transfers (id, from_depot_id, to_depot_id, part_id, quantity, status, requested_at,
                       requested_by, shipped_at, shipped_by, received_at, received_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, 0, ?, ?)
                """);
        states = connection.prepareStatement("""
                INSERT INTO state_changes (entity, entity_id, from_status, to_status, at, actor_id, actor_name,
                       request_id)
                VALUES ('TRANSFER', ?, ?, ?, ?, 0, 'seed-bulk', 'seed-bulk')
                """);
    }

    /** One ledger row, as StockLedger would have written it. */
    record LedgerRow(Instant at, MovementType type, long depotId, long partId, int quantity, BigDecimal unitCost,
            BigDecimal averageAfter, int onHandAfter, Long transferId, BigDecimal costTimeMicros,
            BigDecimal unitMicros, BigDecimal valueMicros) {
    }

    void ledger(LedgerRow row) throws SQLException {
        ledger.setString(1, JdbiSetup.DATABASE_TIME.format(row.at()));
        ledger.setString(2, row.type().name());
        ledger.setLong(3, row.depotId());
        ledger.setLong(4, row.partId());
        ledger.setInt(5, row.quantity());
        ledger.setBigDecimal(6, row.unitCost());
        ledger.setBigDecimal(7, row.averageAfter());
        ledger.setInt(8, row.onHandAfter());
        ledger.setObject(9, row.transferId());
        ledger.setBigDecimal(10, row.costTimeMicros());
        ledger.setBigDecimal(11, row.unitMicros());
        ledger.setBigDecimal(12, row.valueMicros());
        ledger.addBatch();
        if (++pendingLedger >= BATCH) {
            flush();
        }
    }

    /** A transfer shipped at {@code shipped} and received at {@code received} (null: still in transit). */
    void transfer(long id, long fromDepotId, long toDepotId, long partId, int quantity, Instant shipped,
            Instant received) throws SQLException {
        String shippedText = JdbiSetup.DATABASE_TIME.format(shipped);
        transfers.setLong(1, id);
        transfers.setLong(2, fromDepotId);
        transfers.setLong(3, toDepotId);
        transfers.setLong(4, partId);
        transfers.setInt(5, quantity);
        transfers.setString(6, (received == null ? TransferStatus.SHIPPED : TransferStatus.RECEIVED).name());
        transfers.setString(7, shippedText);
        transfers.setString(8, shippedText);
        transfers.setString(9, received == null ? null : JdbiSetup.DATABASE_TIME.format(received));
        transfers.setObject(10, received == null ? null : 0L);
        transfers.addBatch();
        stateChange(id, null, TransferStatus.REQUESTED, shippedText);
        stateChange(id, Transition.of(TransferStatus.REQUESTED, TransferStatus.SHIPPED), shippedText);
        if (received != null) {
            stateChange(id, Transition.of(TransferStatus.SHIPPED, TransferStatus.RECEIVED),
                    JdbiSetup.DATABASE_TIME.format(received));
        }
        if (++pendingOther >= BATCH) {
            flush();
        }
    }

    private void stateChange(long id, Transition<TransferStatus> move, String at) throws SQLException {
        stateChange(id, move.from(), move.to(), at);
    }

    private void stateChange(long id, TransferStatus from, TransferStatus to, String at) throws SQLException {
        states.setLong(1, id);
        states.setString(2, from == null ? null : from.name());
        states.setString(3, to.name());
        states.setString(4, at);
        states.addBatch();
    }

    void flush() throws SQLException {
        transfers.executeBatch();
        states.executeBatch();
        ledger.executeBatch();
        uncommitted += pendingLedger + pendingOther;
        pendingLedger = 0;
        pendingOther = 0;
        if (uncommitted >= COMMIT) {
            connection.commit();
            uncommitted = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        flush();
        connection.commit();
        ledger.close();
        transfers.close();
        states.close();
    }
}
