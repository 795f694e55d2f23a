package org.spares.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotNull;

/** The `reservations:` block: how long a HELD reservation waits to be issued, and how often expiry runs. */
public class ReservationSettings {
    @NotNull
    @JsonProperty
    private Duration holdTime = Duration.hours(72);

    @NotNull
    @JsonProperty
    private Duration expiryInterval = Duration.seconds(10);

    public Duration getHoldTime() {
        return holdTime;
    }

    public Duration getExpiryInterval() {
        return expiryInterval;
    }
}
