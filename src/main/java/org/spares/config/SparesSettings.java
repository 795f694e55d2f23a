package org.spares.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** Spares' own settings (the `spares:` block of config.yml); every key has a working default. */
public class SparesSettings {
    /** Whether the server applies the changelog on start (the `db migrate` command does it by hand). */
    @JsonProperty
    private boolean migrateOnStart = true;

    /**
     * Whether the service refuses to start on a MySQL/MariaDB server that does not flush its log at every commit
     * (innodb_flush_log_at_trx_commit other than 1); see {@link DurableCommits}.
     */
    @JsonProperty
    private boolean requireDurableCommits = true;

    @NotNull
    @JsonProperty
    private DataSize maxBodySize = DataSize.mebibytes(1);

    @NotNull
    @JsonProperty
    private DataSize maxOptimizerBodySize = DataSize.mebibytes(32);

    /**
     * Request bodies held in memory at once, over all requests (BodyLimitFilter): bodies are read whole before a
     * load-shedding slot is taken, so this, not the slots, bounds their memory. Past it a request waits
     * admissionWait for room, then gets 503. Must hold the largest body.
     */
    @NotNull
    @JsonProperty
    private DataSize maxBufferedBodies = DataSize.mebibytes(256);

    /** The largest answer stored under an Idempotency-Key (see IdempotentPosts); below max_allowed_packet. */
    @NotNull
    @JsonProperty
    private DataSize maxStoredAnswerSize = DataSize.mebibytes(1);

    @NotNull
    @JsonProperty
    private Duration idempotencyRetention = Duration.hours(48);

    @NotNull
    @JsonProperty
    private Duration idempotencyPurgeInterval = Duration.minutes(10);

    @NotNull
    @DecimalMin("0.0001")
    @DecimalMax("10")
    @JsonProperty
    private BigDecimal defaultHoldingRate = new BigDecimal("0.25");

    @Min(1)
    @JsonProperty
    private int transactionRetries = 5;

    /** Time limit of one synchronous solve (/optimizer/solve, /frontier) and of each background optimization. */
    @NotNull
    @JsonProperty
    private Duration optimizerTimeLimit = Duration.seconds(20);

    /** Synchronous solves allowed at once; more wait up to a second, then get 503 (they are CPU-bound). */
    @Min(1)
    @JsonProperty
    private int optimizerConcurrentSolves = 2;

    /** API requests served at once; past it a request waits {@link #admissionWait}, then gets 503 (load shedding). */
    @Min(1)
    @JsonProperty
    private int maxConcurrentRequests = 64;

    @NotNull
    @JsonProperty
    private Duration admissionWait = Duration.milliseconds(100);

    /** Requests per second per user (token bucket); 0 turns the limit off. Past it: 429 RATE_LIMITED. */
    @DecimalMin("0")
    @JsonProperty
    private double rateLimitPerSecond = 100;

    /** How many requests a user may send at once above the rate (the bucket's size). */
    @Min(1)
    @JsonProperty
    private int rateLimitBurst = 200;

    public int getMaxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    public Duration getAdmissionWait() {
        return admissionWait;
    }

    public double getRateLimitPerSecond() {
        return rateLimitPerSecond;
    }

    public int getRateLimitBurst() {
        return rateLimitBurst;
    }

    public Duration getOptimizerTimeLimit() {
        return optimizerTimeLimit;
    }

    public int getOptimizerConcurrentSolves() {
        return optimizerConcurrentSolves;
    }

    public DataSize getMaxStoredAnswerSize() {
        return maxStoredAnswerSize;
    }

    public boolean isRequireDurableCommits() {
        return requireDurableCommits;
    }

    public boolean isMigrateOnStart() {
        return migrateOnStart;
    }

    public DataSize getMaxBodySize() {
        return maxBodySize;
    }

    public DataSize getMaxOptimizerBodySize() {
        return maxOptimizerBodySize;
    }

    public DataSize getMaxBufferedBodies() {
        return maxBufferedBodies;
    }

    /** A body as large as the largest allowed, plus the chunk read past it, must fit in the buffer budget. */
    @JsonIgnore
    @AssertTrue(message = "maxBufferedBodies must be larger than maxBodySize and maxOptimizerBodySize by 16 KiB")
    public boolean isMaxBufferedBodiesLargeEnough() {
        long largest = Math.max(maxBodySize.toBytes(), maxOptimizerBodySize.toBytes());
        return maxBufferedBodies.toBytes() >= largest + 16 * 1024;
    }

    public Duration getIdempotencyRetention() {
        return idempotencyRetention;
    }

    public Duration getIdempotencyPurgeInterval() {
        return idempotencyPurgeInterval;
    }

    public BigDecimal getDefaultHoldingRate() {
        return defaultHoldingRate;
    }

    public int getTransactionRetries() {
        return transactionRetries;
    }
}
