package org.spares.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.LongConsumer;
import org.spares.domain.CostTime;
import org.spares.domain.MovementType;
import org.spares.domain.MovingAverage;
import org.spares.domain.RunningTotals;

/**
 * Generates a valid ledger in time order: receipts (which move the part's moving average), count adjustments,
 * scrap and transfers (shipped, then received 1-3 days later, or still in transit at the end). It keeps every
 * number StockLedger would keep (on hand, in transit, units owned, average, the cost-time accumulator, the
 * positions' running totals), so
 * check-ledger passes on the result. No ISSUE rows: those need reservations and repair orders.
 */
final class BulkLedger {
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    /** A shipped transfer waiting to arrive. */
    private record InTransit(long arrival, long id, int from, int to, int part, int quantity, long shipped) {
    }

    private final Random random;
    private final long[] depotIds;
    private final long[] partIds;
    private final BigDecimal[] unitCosts;
    private final int[][] onHand;
    private final int[][] inbound;
    private final long[] owned;
    private final BigDecimal[] average;
    private final CostTime.Anchor[] anchors;
    /** Each position's running totals after its newest row (null before its first), as StockLedger keeps them. */
    private final RunningTotals[][] totals;
    private final Instant[][] firstRowAt;
    private final PriorityQueue<InTransit> transit = new PriorityQueue<>((a, b) -> Long.compare(a.arrival, b.arrival));
    private long nextTransferId;

    BulkLedger(long seed, long[] depotIds, long[] partIds, BigDecimal[] unitCosts, long firstTransferId) {
        this.random = new Random(seed);
        this.depotIds = depotIds;
        this.partIds = partIds;
        this.unitCosts = unitCosts;
        this.onHand = new int[partIds.length][depotIds.length];
        this.inbound = new int[partIds.length][depotIds.length];
        this.owned = new long[partIds.length];
        this.average = unitCosts.clone();
        this.anchors = new CostTime.Anchor[partIds.length];
        this.totals = new RunningTotals[partIds.length][depotIds.length];
        this.firstRowAt = new Instant[partIds.length][depotIds.length];
        this.nextTransferId = firstTransferId;
    }

    /** Writes {@code rows} ledger rows spread evenly over [start, end), reporting progress every 100,000. */
    void generate(BulkWriter out, long rows, Instant start, Instant end, LongConsumer progress) throws SQLException {
        long startMicros = micros(start);
        long step = Math.max(2, (micros(end) - startMicros) / rows);
        for (long row = 0; row < rows; row++) {
            long at = startMicros + row * step + random.nextLong(step - 1);
            InTransit due = transit.peek();
            if (due != null && due.arrival() <= at) {
                receive(out, transit.poll(), at);
            } else {
                move(out, at);
            }
            if ((row + 1) % 100_000 == 0) {
                progress.accept(row + 1);
            }
        }
        for (InTransit left : transit) {
            out.transfer(left.id(), depotIds[left.from()], depotIds[left.to()], partIds[left.part()], left.quantity(),
                    instant(left.shipped()), null);
        }
    }

    /** One random movement at {@code at}, one row (a transfer writes its TRANSFER_IN later, as its own row). */
    private void move(BulkWriter out, long at) throws SQLException {
        int part = random.nextInt(partIds.length);
        int depot = random.nextInt(depotIds.length);
        int stock = onHand[part][depot];
        int choice = random.nextInt(100);
        if (stock > 0 && choice < 35 && depotIds.length > 1) {
            ship(out, part, depot, Math.min(stock, 1 + random.nextInt(5)), at);
            return;
        }
        if (stock > 0 && choice < 45) {
            write(out, at, MovementType.SCRAP, part, depot, -Math.min(stock, 1 + random.nextInt(3)), null, null);
            return;
        }
        if (choice < 60) {
            int delta = stock > 3 && random.nextBoolean() ? -1 - random.nextInt(3) : 1 + random.nextInt(3);
            write(out, at, MovementType.ADJUSTMENT, part, depot, delta, null, null);
            return;
        }
        BigDecimal cost = unitCosts[part].multiply(BigDecimal.valueOf(80 + random.nextInt(41)))
                .movePointLeft(2).setScale(4, RoundingMode.HALF_UP);
        write(out, at, MovementType.RECEIPT, part, depot, 1 + random.nextInt(20), cost, null);
    }

    private void ship(BulkWriter out, int part, int from, int quantity, long at) throws SQLException {
        int to = (from + 1 + random.nextInt(depotIds.length - 1)) % depotIds.length;
        long id = nextTransferId++;
        write(out, at, MovementType.TRANSFER_OUT, part, from, -quantity, null, id);
        inbound[part][to] += quantity;
        long arrival = at + MICROS_PER_DAY + random.nextLong(2 * MICROS_PER_DAY);
        transit.add(new InTransit(arrival, id, from, to, part, quantity, at));
    }

    private void receive(BulkWriter out, InTransit arriving, long at) throws SQLException {
        inbound[arriving.part()][arriving.to()] -= arriving.quantity();
        write(out, at, MovementType.TRANSFER_IN, arriving.part(), arriving.to(), arriving.quantity(), null,
                arriving.id());
        out.transfer(arriving.id(), depotIds[arriving.from()], depotIds[arriving.to()], partIds[arriving.part()],
                arriving.quantity(), instant(arriving.shipped()), instant(at));
    }

    /** The row StockLedger.record would write, and the part's and position's numbers after it. */
    private void write(BulkWriter out, long at, MovementType type, int part, int depot, int quantity,
            BigDecimal receiptCost, Long transferId) throws SQLException {
        Instant instant = instant(at);
        BigDecimal costTime = CostTime.next(anchors[part], instant);
        BigDecimal unitCost = average[part];
        if (receiptCost != null) {
            unitCost = receiptCost;
            average[part] = MovingAverage.afterReceipt(average[part], owned[part], quantity, receiptCost);
        }
        if (type.changesUnitsOwned()) {
            owned[part] += quantity;
        }
        onHand[part][depot] += quantity;
        anchors[part] = new CostTime.Anchor(instant, average[part], costTime);
        RunningTotals position = RunningTotals.next(totals[part][depot], instant, onHand[part][depot], costTime,
                false);
        totals[part][depot] = position;
        if (firstRowAt[part][depot] == null) {
            firstRowAt[part][depot] = instant;
        }
        out.ledger(new BulkWriter.LedgerRow(instant, type, depotIds[depot], partIds[part], quantity, unitCost,
                average[part], onHand[part][depot], transferId, costTime, position.unitMicros(),
                position.valueMicros()));
    }

    int onHand(int part, int depot) {
        return onHand[part][depot];
    }

    /** The position's totals after its newest row, null when it has none. */
    RunningTotals totals(int part, int depot) {
        return totals[part][depot];
    }

    Instant firstRowAt(int part, int depot) {
        return firstRowAt[part][depot];
    }

    int inbound(int part, int depot) {
        return inbound[part][depot];
    }

    long owned(int part) {
        return owned[part];
    }

    BigDecimal average(int part) {
        return average[part];
    }

    long nextTransferId() {
        return nextTransferId;
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    }
}
