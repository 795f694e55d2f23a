package org.spares.cli;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.spares.config.DatabaseSetup;
import org.spares.config.SparesConfiguration;
import org.spares.demo.DemoCounts;
import org.spares.demo.DemoSeeder;
import org.spares.demo.DemoSettings;
import org.spares.domain.ServerInstance;
import org.spares.service.Instances;
import org.spares.service.StoreContents;
import org.spares.service.Transactions;

/**
 * {@code seed-demo [--depots N --parts N --days N --seed S] config.yml}: fills an empty database with a demo
 * history that ends at the start of the current UTC day (progress on stderr, a summary on stdout). Refuses, before
 * writing anything, a database that already has depots, parts, repair orders or ledger rows, and one a running
 * server is using.
 */
public class SeedDemoCommand extends ConfiguredCommand<SparesConfiguration> {
    public SeedDemoCommand() {
        super("seed-demo", "Fills an empty database with a realistic demo history");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--depots").type(Integer.class).setDefault(5).help("number of depots (default 5)");
        subparser.addArgument("--parts").type(Integer.class).setDefault(200).help("number of parts (default 200)");
        subparser.addArgument("--days").type(Integer.class).setDefault(365).help("days of history (default 365)");
        subparser.addArgument("--seed").type(Long.class).setDefault(1L).help("random seed (default 1)");
    }

    @Override
    protected void run(Bootstrap<SparesConfiguration> bootstrap, Namespace namespace,
            SparesConfiguration configuration) {
        DemoSettings settings;
        try {
            settings = new DemoSettings(namespace.getInt("depots"), namespace.getInt("parts"),
                    namespace.getInt("days"), namespace.getLong("seed"),
                    DemoSettings.startOfDay(Clock.systemUTC().instant()));
        } catch (IllegalArgumentException invalid) {
            throw new CommandFailure(invalid.getMessage(), invalid);
        }
        long started = System.nanoTime();
        DemoCounts counts;
        try (DatabaseSetup.CommandDatabase database = DatabaseSetup.openForCommand(configuration, "seed-demo")) {
            refuseBesideServer(new Instances(database.transactions()));
            // The seeder refuses a database that is not empty (DomainException), also before it writes anything.
            Transactions transactions = database.transactions();
            counts = new DemoSeeder(clock -> database.services(transactions, clock), new StoreContents(transactions))
                    .seed(settings, System.err::println);
        }
        System.out.printf("seeded %d days ending %s (seed %d) in %.1f s: %s%n", settings.days(), settings.end(),
                settings.seed(), (System.nanoTime() - started) / 1e9, counts);
    }

    /**
     * The history is written on a simulated clock; a server on the same database runs its jobs on the real one
     * (reservation expiry, backorder fill) and would change rows under the simulation, which then fails part-way.
     * So seed-demo refuses, before its first write, while any server's heartbeat is fresh.
     */
    private static void refuseBesideServer(Instances instances) {
        Instant now = Clock.systemUTC().instant();
        List<ServerInstance> servers = instances.running(now);
        if (!servers.isEmpty()) {
            ServerInstance server = servers.get(0);
            throw new CommandFailure("a Spares server is using this database (" + server.host() + ", last seen "
                    + Math.max(0, Duration.between(server.seenAt(), now).toSeconds()) + " s ago"
                    + (servers.size() > 1 ? ", and " + (servers.size() - 1) + " more" : "")
                    + "); stop it, then run seed-demo (a stopped server counts for up to "
                    + Instances.FRESH_FOR.toSeconds() + " s) and start the server after it");
        }
    }
}
