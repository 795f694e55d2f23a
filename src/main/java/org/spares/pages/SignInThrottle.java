package org.spares.pages;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.spares.api.limits.TokenBucket;

/**
 * Failed sign-ins, limited per name and per client address: each has a {@link TokenBucket} of {@code perWindow}
 * failures that refills over the window. A sign-in is refused before its password is checked while either bucket
 * is empty, so guessing costs the guesser time, not the service bcrypt rounds. Successful sign-ins take nothing.
 * The buckets live in this instance's memory (bounded caches): with N instances behind a balancer a guesser gets at
 * most N times the limit, which docs/REFERENCE.md states.
 */
public final class SignInThrottle {
    private static final long MAX_KEYS = 100_000;

    private final Cache<String, TokenBucket> names;
    private final Cache<String, TokenBucket> addresses;
    private final int perName;
    private final int perAddress;
    private final Duration window;
    private final LongSupplier nanoTime;

    public SignInThrottle(int perName, int perAddress, Duration window, LongSupplier nanoTime) {
        this.perName = perName;
        this.perAddress = perAddress;
        this.window = window;
        this.nanoTime = nanoTime;
        this.names = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(window).build();
        this.addresses = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(window).build();
    }

    /** 0 when this name and address may try; else the nanoseconds until they may. */
    public long wait(String name, String address) {
        return Math.max(bucket(names, key(name), perName).waitNanos(),
                bucket(addresses, address, perAddress).waitNanos());
    }

    /** Counts one failed sign-in against the name and the address. */
    public void failed(String name, String address) {
        bucket(names, key(name), perName).take();
        bucket(addresses, address, perAddress).take();
    }

    private TokenBucket bucket(Cache<String, TokenBucket> buckets, String key, int perWindow) {
        double perSecond = perWindow / (double) window.toSeconds();
        return buckets.get(key, ignored -> new TokenBucket(perSecond, perWindow, nanoTime));
    }

    /** Names are compared as the sign-in compares them: trimmed; case folded so "Ana" and "ana" share a bucket. */
    private static String key(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }
}
