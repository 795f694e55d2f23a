package org.spares.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spares.db.DemandHistoryDao;
import org.spares.db.DemandHistoryDao.Request;
import org.spares.db.PartDao;
import org.spares.domain.Depot;
import org.spares.domain.Optimization;
import org.spares.domain.Part;
import org.spares.forecast.Forecast;
import org.spares.forecast.Forecaster;

/**
 * What an optimization run knows about its depots: each depot's targets and repair orders opened in the window,
 * and each of its positions with the demand requested in the window and the forecast made from it
 * (FORECASTING.md). The rows are read in one short read; the forecasts are made after it, outside any transaction.
 */
public record OptimizationSnapshot(DemandWindow window, List<DepotHistory> depots, List<PositionHistory> positions) {
    /** A depot and the repair orders it opened in the window. */
    public record DepotHistory(Depot depot, long repairOrdersOpened) {
    }

    /** A position of a chosen depot: its part, current target level, the requests of the window and their forecast. */
    public record PositionHistory(Depot depot, Part part, int currentTargetLevel, List<Request> requests,
            Forecast forecast) {
        public PositionHistory {
            requests = List.copyOf(requests);
        }

        /** A forecast above zero: the position takes part in the solve. */
        public boolean hasDemand() {
            return forecast.ratePerDay() > 0;
        }

        public long unitsRequested() {
            return requests.stream().mapToLong(Request::quantity).sum();
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(OptimizationSnapshot.class);

    private record Rows(List<DepotHistory> depots, List<DemandHistoryDao.Stocked> stocked, Map<Long, Part> parts,
            Map<String, List<Request>> requests) {
    }

    public OptimizationSnapshot {
        depots = List.copyOf(depots);
        positions = List.copyOf(positions);
    }

    public int historyDays() {
        return window.days();
    }

    /** Reads the run's rows in one short read, then forecasts every position outside it. */
    public static OptimizationSnapshot read(Transactions transactions, Optimization run, int bucketDays) {
        DemandWindow window = new DemandWindow(run.windowTo(), run.historyDays(), bucketDays);
        long started = System.nanoTime();
        Rows rows = transactions.read(handle -> rows(handle, run.depots(), window));
        long read = System.nanoTime();
        Map<Long, Depot> depots = new HashMap<>();
        rows.depots().forEach(history -> depots.put(history.depot().id(), history.depot()));
        List<PositionHistory> positions = new ArrayList<>();
        for (DemandHistoryDao.Stocked stocked : rows.stocked()) {
            List<Request> requests = rows.requests().getOrDefault(key(stocked.depotId(), stocked.partId()),
                    List.of());
            positions.add(new PositionHistory(depots.get(stocked.depotId()), rows.parts().get(stocked.partId()),
                    stocked.targetLevel(), requests, Forecaster.forecast(window.history(requests))));
        }
        LOG.info("optimization {}: {} positions and {} requests read in {} ms, forecast in {} ms", run.id(),
                positions.size(), rows.requests().values().stream().mapToInt(List::size).sum(),
                (read - started) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
        return new OptimizationSnapshot(window, rows.depots(), positions);
    }

    /** The depots were checked when the run was created. */
    private static Rows rows(Handle handle, List<String> depotCodes, DemandWindow window) {
        DemandHistoryDao history = handle.attach(DemandHistoryDao.class);
        List<Depot> chosen = depotCodes.stream().map(code -> DepotService.get(handle, code)).toList();
        List<Long> depotIds = chosen.stream().map(Depot::id).toList();
        Map<Long, Long> opened = new HashMap<>();
        history.repairOrdersOpened(depotIds, window.from(), window.to())
                .forEach(row -> opened.put(row.depotId(), row.orders()));
        Map<String, List<Request>> requests = new HashMap<>();
        for (Request request : history.requests(depotIds, window.from(), window.to())) {
            requests.computeIfAbsent(key(request.depotId(), request.partId()), ignored -> new ArrayList<>())
                    .add(request);
        }
        Map<Long, Part> parts = new HashMap<>();
        handle.attach(PartDao.class).all().forEach(part -> parts.put(part.id(), part));
        List<DepotHistory> depots = chosen.stream()
                .map(depot -> new DepotHistory(depot, opened.getOrDefault(depot.id(), 0L))).toList();
        return new Rows(depots, history.positions(depotIds), parts, requests);
    }

    private static String key(long depotId, long partId) {
        return depotId + "/" + partId;
    }
}
