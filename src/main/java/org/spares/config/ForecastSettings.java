package org.spares.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;
import org.spares.forecast.DemandHistory;

/**
 * The `forecast:` block: the bucket demand histories are cut into before they are classified and forecast (weeks by
 * default: days are mostly empty for a spare part, months hide a burst inside one number).
 */
public class ForecastSettings {
    @NotNull
    @JsonProperty
    private Duration bucket = Duration.days(DemandHistory.DEFAULT_BUCKET_DAYS);

    /** Whole days only: a history is counted in days, and a bucket of 36 hours would straddle them. */
    @JsonIgnore
    @AssertTrue(message = "forecast.bucket must be a whole number of days between 1 and "
            + DemandHistory.MAX_BUCKET_DAYS)
    public boolean isBucketWholeDays() {
        long hours = bucket.toHours();
        return bucket.toNanoseconds() == TimeUnit.HOURS.toNanos(hours) && hours % 24 == 0 && hours >= 24
                && hours / 24 <= DemandHistory.MAX_BUCKET_DAYS;
    }

    public int bucketDays() {
        return (int) (bucket.toHours() / 24);
    }
}
