package org.spares.api.limits;

import com.codahale.metrics.Meter;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import java.security.Principal;
import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;
import org.spares.api.errors.ErrorBody;
import org.spares.domain.Caller;
import org.spares.domain.ErrorCode;

/**
 * A request rate per authenticated user: each user has a {@link TokenBucket}; a request without a token is
 * answered {@code 429 RATE_LIMITED} with {@code Retry-After}, before any work. It runs right after authentication,
 * so the key is the user, not an address a client can change; anonymous requests (refused at once anyway, or the
 * OpenAPI description) pass. The buckets live in a bounded cache, so any number of users costs bounded memory;
 * a user evicted after being idle comes back with a full bucket, which an idle user would have had anyway.
 */
@Priority(Priorities.AUTHENTICATION + 1)
public class RateLimitFilter implements ContainerRequestFilter {
    private static final long MAX_USERS = 100_000;

    private final double perSecond;
    private final int burst;
    private final Meter limited;
    private final LongSupplier nanoTime;
    private final Cache<Long, TokenBucket> buckets;

    /** {@code nanoTime} is the buckets' time source: {@code System::nanoTime} in service, a hand-moved one in tests. */
    public RateLimitFilter(double perSecond, int burst, Meter limited, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.limited = limited;
        this.nanoTime = nanoTime;
        this.buckets = Caffeine.newBuilder().maximumSize(MAX_USERS).expireAfterAccess(Duration.ofMinutes(10)).build();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext() == null ? null
                : request.getSecurityContext().getUserPrincipal();
        if (!(principal instanceof Caller caller)) {
            return;
        }
        long waitNanos = buckets.get(caller.id(), id -> new TokenBucket(perSecond, burst, nanoTime)).take();
        if (waitNanos == 0) {
            return;
        }
        limited.mark();
        long retryAfterSeconds = Math.max(1, (waitNanos + 999_999_999) / 1_000_000_000);
        request.abortWith(Response.fromResponse(ErrorBody.response(ErrorCode.RATE_LIMITED,
                        "too many requests for this user; retry after " + retryAfterSeconds + " s",
                        Map.of("retryable", true, "retryAfterSeconds", retryAfterSeconds,
                                "limitPerSecond", perSecond, "burst", burst)))
                .header("Retry-After", Long.toString(retryAfterSeconds)).build());
    }
}
