package org.spares.api.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket: holds up to {@code burst} tokens, refills at {@code perSecond}, and starts full so a new client
 * may burst at once. Bucket4j's local bucket does the arithmetic (greedy refill, so tokens trickle in rather than
 * arrive once a period); this class only fixes its shape and its time source, which tests move by hand.
 */
public final class TokenBucket {
    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final Bucket bucket;

    public TokenBucket(double perSecond, int burst, LongSupplier nanoTime) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("a bucket needs a positive rate and a burst of at least 1");
        }
        // burst tokens per burst/perSecond seconds is perSecond, also when perSecond is a fraction (0.25: one per 4 s).
        Duration period = Duration.ofNanos(Math.round(burst * NANOS_PER_SECOND / perSecond));
        this.bucket = Bucket.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(burst, period))
                .withCustomTimePrecision(new TimeMeter() {
                    @Override
                    public long currentTimeNanos() {
                        return nanoTime.getAsLong();
                    }

                    @Override
                    public boolean isWallClockBased() {
                        return false;
                    }
                })
                .build();
    }

    /** 0 when a token is there to take (none is taken); else the nanoseconds until one arrives. */
    public long waitNanos() {
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    /** Takes one token; answers 0 when it got one, else the nanoseconds until the next token arrives. */
    public long take() {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }
}
