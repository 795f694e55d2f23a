package org.spares.service;

import java.time.Clock;
import java.util.List;
import org.spares.db.DemandHistoryDao;
import org.spares.db.DemandHistoryDao.Request;
import org.spares.domain.Caller;
import org.spares.domain.Depot;
import org.spares.domain.Part;
import org.spares.forecast.DemandHistory;
import org.spares.forecast.Forecast;
import org.spares.forecast.Forecaster;

/**
 * Forecasts (FORECASTING.md): of a position's requested demand, read in one short read and forecast after it, and of
 * a history sent by the caller, stateless. The forecasting itself always runs outside any transaction. The backtest
 * is bounded by the history's limits (3,650 daily buckets at most), so no semaphore guards it the way one guards
 * the optimizer.
 */
public final class ForecastService {
    private final Transactions transactions;
    private final Clock clock;
    private final int bucketDays;

    /** @param bucketDays the bucket of position forecasts (config {@code forecast.bucket}) */
    public ForecastService(Transactions transactions, Clock clock, int bucketDays) {
        this.transactions = transactions;
        this.clock = clock;
        this.bucketDays = bucketDays;
    }

    /**
     * The forecast of what technicians requested of the position in the last {@code historyDays} days (a position
     * never stocked has no demand). 403 outside the caller's depots; 404 unknown depot or sku; 400 naming
     * {@code historyDays} when it is shorter than one bucket.
     */
    public Forecast position(Caller caller, String depotCode, String sku, int historyDays) {
        caller.requireDepot(depotCode);
        DemandWindow window = new DemandWindow(clock.instant(), historyDays, bucketDays);
        List<Request> requests = transactions.read(handle -> {
            Depot depot = DepotService.get(handle, depotCode);
            Part part = PartService.get(handle, sku);
            return handle.attach(DemandHistoryDao.class).requestsOf(depot.id(), part.id(), window.from(),
                    window.to());
        });
        return Forecaster.forecast(window.history(requests));
    }

    /** The forecast; 400 VALIDATION_FAILED naming the field when the history is invalid. */
    public Forecast forecast(DemandHistory history, Idempotency<Forecast> once) {
        return transactions.outside(once, () -> Forecaster.forecast(history));
    }
}
