package org.spares.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.spares.db.InstanceDao;
import org.spares.domain.ServerInstance;

/** The servers using the database, as their heartbeats say: each server beats, and commands that must run alone ask. */
public final class Instances {
    /**
     * Five beats: a long GC pause or a database blip does not make a running server look gone. Short, because a
     * row can outlive its server by this much: a killed server never deletes it, and neither does one on H2
     * stopped by a signal (H2's own shutdown hook closes the database before Dropwizard stops the heartbeat).
     */
    public static final Duration FRESH_FOR = Duration.ofSeconds(15);

    private final Transactions transactions;

    public Instances(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Servers whose heartbeat is fresh at {@code now}: those that are using the database. */
    public List<ServerInstance> running(Instant now) {
        return transactions.read(handle -> handle.attach(InstanceDao.class).seenSince(now.minus(FRESH_FOR)));
    }

    /** This server is alive; {@code purgeBefore}, when set, also removes rows of servers gone before it. */
    public void beat(ServerInstance self, Instant purgeBefore) {
        transactions.inTransaction(handle -> {
            InstanceDao instances = handle.attach(InstanceDao.class);
            if (purgeBefore != null) {
                instances.deleteSeenBefore(purgeBefore);
            }
            instances.beat(self.id(), self.host(), self.startedAt(), self.seenAt());
            return null;
        });
    }

    /** This server stops: its row goes at once. */
    public void remove(String id) {
        transactions.inTransaction(handle -> {
            handle.attach(InstanceDao.class).delete(id);
            return null;
        });
    }
}
