package org.spares.service;

import java.time.Instant;
import org.spares.db.ReportDao;
import org.spares.domain.CostTime;
import org.spares.domain.DepotScope;
import org.spares.report.ReportWriter;
import org.spares.report.TurnaroundBuckets;
import org.spares.report.TurnaroundStats;

/**
 * Completed repair orders (status COMPLETED, completed_at in [from, to)): their turnaround one row per depot by code,
 * then the total; or their distribution. Rows arrive ordered by depot, so a depot's row is written as soon as the
 * next depot starts.
 */
public final class TurnaroundReport {
    private final Transactions transactions;

    public TurnaroundReport(Transactions transactions) {
        this.transactions = transactions;
    }

    public void write(Instant from, Instant to, DepotScope scope, ReportWriter out) {
        transactions.read(handle -> {
            out.start(ReportService.period(from, to), TurnaroundStats.COLUMNS);
            TurnaroundStats total = new TurnaroundStats("total");
            TurnaroundStats[] current = {null};
            ReportDao.completedOrders(handle, from, to, scope, order -> {
                if (current[0] == null || !current[0].key().equals(order.depot())) {
                    if (current[0] != null) {
                        out.row(current[0].cells());
                    }
                    current[0] = new TurnaroundStats(order.depot());
                }
                long turnaround = CostTime.micros(order.openedAt(), order.completedAt());
                current[0].add(turnaround, order.partsWaitMicros(), order.targetHours());
                total.add(turnaround, order.partsWaitMicros(), order.targetHours());
            });
            if (current[0] != null) {
                out.row(current[0].cells());
            }
            out.total(total.cells());
            out.finish();
            return null;
        });
    }

    /** The same orders counted into {@link TurnaroundBuckets}: one row per bucket, then the total. */
    public void distribution(Instant from, Instant to, DepotScope scope, ReportWriter out) {
        transactions.read(handle -> {
            TurnaroundBuckets buckets = new TurnaroundBuckets();
            ReportDao.completedOrders(handle, from, to, scope,
                    order -> buckets.add(CostTime.micros(order.openedAt(), order.completedAt())));
            out.start(ReportService.period(from, to), TurnaroundBuckets.COLUMNS);
            buckets.rows().forEach(out::row);
            out.total(buckets.totalRow());
            out.finish();
            return null;
        });
    }
}
