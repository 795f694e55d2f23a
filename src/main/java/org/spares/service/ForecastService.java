package org.spares.service;

import org.spares.forecast.DemandHistory;
import org.spares.forecast.Forecast;
import org.spares.forecast.Forecaster;

/**
 * Forecasts of a demand history sent by the caller (FORECASTING.md): stateless, and outside any transaction, since
 * nothing is read or written but a replayed answer. The backtest is bounded by the history's limits (3,650 daily
 * buckets at most), so no semaphore guards it the way one guards the optimizer.
 */
public final class ForecastService {
    private final Transactions transactions;

    public ForecastService(Transactions transactions) {
        this.transactions = transactions;
    }

    /** The forecast; 400 VALIDATION_FAILED naming the field when the history is invalid. */
    public Forecast forecast(DemandHistory history, Idempotency<Forecast> once) {
        return transactions.outside(once, () -> Forecaster.forecast(history));
    }
}
