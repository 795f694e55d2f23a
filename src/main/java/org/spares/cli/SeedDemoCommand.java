package org.spares.cli;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.time.Clock;
import java.time.Duration;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.spares.app.DatabaseSetup;
import org.spares.app.SparesConfiguration;
import org.spares.demo.DemoCounts;
import org.spares.demo.DemoSeeder;
import org.spares.demo.DemoSettings;
import org.spares.domain.DomainException;

/**
 * {@code seed-demo [--depots N --parts N --days N --seed S] config.yml}: fills an empty database with a demo
 * history that ends at the start of the current UTC day (progress on stderr, a summary on stdout). Refuses a
 * database that already has depots, parts, repair orders or ledger rows.
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
            throw new OptimizeCommand.CommandFailedException(invalid.getMessage(), invalid);
        }
        long started = System.nanoTime();
        DemoCounts counts;
        try (DatabaseSetup.CommandDatabase database = DatabaseSetup.openForCommand(configuration, "seed-demo")) {
            counts = new DemoSeeder(database.jdbi(), configuration.getSpares().getDefaultHoldingRate(),
                    Duration.ofMillis(configuration.getReservations().getHoldTime().toMilliseconds()))
                    .seed(settings, System.err::println);
        } catch (DomainException refused) {
            System.err.println("seed-demo: " + refused.getMessage());
            throw new OptimizeCommand.CommandFailedException(refused.getMessage(), refused);
        }
        System.out.printf("seeded %d days ending %s (seed %d) in %.1f s: %s%n", settings.days(), settings.end(),
                settings.seed(), (System.nanoTime() - started) / 1e9, counts);
    }
}
