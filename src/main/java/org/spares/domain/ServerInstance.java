package org.spares.domain;

import java.time.Instant;

/** A running server as its heartbeat row says: where it runs, when it started and when it last said it is alive. */
public record ServerInstance(String id, String host, Instant startedAt, Instant seenAt) {
}
