package org.spares.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The `pages:` block: how long a signed-in page session may sit idle, and how many failed sign-ins a name and an
 * address may make per window before further tries are refused until the window has refilled.
 */
public class PageSettings {
    @NotNull
    @JsonProperty
    private Duration sessionIdleTimeout = Duration.hours(8);

    @Min(1)
    @Max(1000)
    @JsonProperty
    private int failedSignInsPerName = 5;

    @Min(1)
    @Max(100_000)
    @JsonProperty
    private int failedSignInsPerAddress = 20;

    @NotNull
    @JsonProperty
    private Duration failedSignInWindow = Duration.minutes(15);

    public java.time.Duration getSessionIdleTimeout() {
        return java.time.Duration.ofMillis(sessionIdleTimeout.toMilliseconds());
    }

    public int getFailedSignInsPerName() {
        return failedSignInsPerName;
    }

    public int getFailedSignInsPerAddress() {
        return failedSignInsPerAddress;
    }

    public java.time.Duration getFailedSignInWindow() {
        return java.time.Duration.ofMillis(failedSignInWindow.toMilliseconds());
    }
}
