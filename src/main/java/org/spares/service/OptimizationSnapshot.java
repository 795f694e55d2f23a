package org.spares.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.spares.db.DemandHistoryDao;
import org.spares.db.PartDao;
import org.spares.domain.Depot;
import org.spares.domain.Part;

/**
 * What an optimization run knows about its depots, read once from the database before solving: each depot's
 * targets and repair orders opened in the window, and each of its positions with the units issued in the window
 * and the variance-to-mean ratio of its weekly issues (OPTIMIZER.md "From the database").
 */
public record OptimizationSnapshot(Instant from, Instant to, int historyDays, List<DepotHistory> depots,
        List<PositionHistory> positions) {
    /** A depot and the repair orders it opened in the window. */
    public record DepotHistory(Depot depot, long repairOrdersOpened) {
    }

    /** A position of a chosen depot: its part, current target level, and demand seen in the window. */
    public record PositionHistory(Depot depot, Part part, int currentTargetLevel, long unitsIssued,
            double varianceToMeanRatio) {
    }

    /** The cap OPTIMIZER.md puts on the variance-to-mean ratio estimated from weekly issues. */
    public static final double MAX_VARIANCE_TO_MEAN = 10.0;

    private static final Duration WEEK = Duration.ofDays(7);

    public OptimizationSnapshot {
        depots = List.copyOf(depots);
        positions = List.copyOf(positions);
    }

    /** Reads the snapshot in one short read; the depots were checked when the run was created. */
    public static OptimizationSnapshot read(Handle handle, List<String> depotCodes, Instant from, Instant to,
            int historyDays) {
        DemandHistoryDao history = handle.attach(DemandHistoryDao.class);
        List<Depot> chosen = depotCodes.stream().map(code -> DepotService.get(handle, code)).toList();
        Map<Long, Depot> depots = new HashMap<>();
        chosen.forEach(depot -> depots.put(depot.id(), depot));
        List<Long> depotIds = chosen.stream().map(Depot::id).toList();
        Map<Long, Long> opened = new HashMap<>();
        history.repairOrdersOpened(depotIds, from, to).forEach(row -> opened.put(row.depotId(), row.orders()));
        int weeks = historyDays / 7;
        Map<String, long[]> weekly = new HashMap<>();
        Map<String, Long> issued = new HashMap<>();
        for (DemandHistoryDao.Issue issue : history.issues(depotIds, from, to)) {
            String key = issue.depotId() + "/" + issue.partId();
            issued.merge(key, (long) issue.units(), Long::sum);
            // Weeks count back from the window's end, so a partial week is the oldest one and is left out.
            long week = Duration.between(issue.at(), to).toNanos() / WEEK.toNanos();
            if (week < weeks) {
                weekly.computeIfAbsent(key, ignored -> new long[weeks])[(int) week] += issue.units();
            }
        }
        Map<Long, Part> parts = new HashMap<>();
        handle.attach(PartDao.class).all().forEach(part -> parts.put(part.id(), part));
        List<PositionHistory> positions = new ArrayList<>();
        for (DemandHistoryDao.Stocked stocked : history.positions(depotIds)) {
            String key = stocked.depotId() + "/" + stocked.partId();
            positions.add(new PositionHistory(depots.get(stocked.depotId()), parts.get(stocked.partId()),
                    stocked.targetLevel(), issued.getOrDefault(key, 0L),
                    varianceToMean(weekly.getOrDefault(key, new long[weeks]))));
        }
        List<DepotHistory> depotHistory = chosen.stream()
                .map(depot -> new DepotHistory(depot, opened.getOrDefault(depot.id(), 0L))).toList();
        return new OptimizationSnapshot(from, to, historyDays, depotHistory, positions);
    }

    /**
     * Sample variance over mean of the weekly units issued, at least 1 (Poisson) and at most 10; 1 when there are
     * fewer than two weeks or no issues to estimate it from.
     */
    public static double varianceToMean(long[] weeklyUnits) {
        int weeks = weeklyUnits.length;
        double sum = 0.0;
        for (long units : weeklyUnits) {
            sum += units;
        }
        if (weeks < 2 || sum == 0.0) {
            return 1.0;
        }
        double mean = sum / weeks;
        double squares = 0.0;
        for (long units : weeklyUnits) {
            squares += (units - mean) * (units - mean);
        }
        double ratio = squares / (weeks - 1) / mean;
        return Math.min(MAX_VARIANCE_TO_MEAN, Math.max(1.0, ratio));
    }
}
