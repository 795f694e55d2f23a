package org.spares.api.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.spares.forecast.DemandEvent;
import org.spares.forecast.DemandHistory;
import org.spares.forecast.Forecast;

/** Wire shapes of POST /forecast. */
public final class ForecastDtos {
    private ForecastDtos() {
    }

    /** POST /forecast; {@code bucketDays} defaults to 7. Day and bucket rules are checked by DemandHistory. */
    public record ForecastRequest(
            @NotNull @Min(1) @Max(DemandHistory.MAX_DAYS) Integer days,
            @NotNull @Size(max = DemandHistory.MAX_EVENTS) List<@NotNull @Valid EventInput> events,
            @Min(1) @Max(DemandHistory.MAX_BUCKET_DAYS) Integer bucketDays) {
        public DemandHistory history() {
            return new DemandHistory(days, events.stream().map(event -> new DemandEvent(event.day(),
                    event.quantity())).toList(), bucketDays == null ? DemandHistory.DEFAULT_BUCKET_DAYS : bucketDays);
        }
    }

    /**
     * One demand event: {@code quantity} units on day {@code day} (0 is the oldest day). Their ranges are checked by
     * DemandHistory, whose 400 names the event's index ({@code events[3].day}); bean validation would not.
     */
    public record EventInput(@NotNull Integer day, @NotNull Integer quantity) {
    }

    /** The answer; {@code class} is the demand class, a Java keyword, hence the explicit name. */
    public record ForecastView(@JsonProperty("class") String demandClass, String method, double ratePerDay,
            double meanSize, double varianceToMeanRatio, Double adi, Double cv2, Double rmsse, Double baselineRmsse,
            List<Integer> buckets) {
        public static ForecastView of(Forecast forecast) {
            return new ForecastView(forecast.demandClass().name(), forecast.method().name(), forecast.ratePerDay(),
                    forecast.meanSize(), forecast.varianceToMeanRatio(), forecast.adi(), forecast.cv2(),
                    forecast.rmsse(), forecast.baselineRmsse(), forecast.buckets());
        }
    }
}
