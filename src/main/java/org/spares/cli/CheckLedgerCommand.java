package org.spares.cli;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.util.List;
import net.sourceforge.argparse4j.inf.Namespace;
import org.spares.config.DatabaseSetup;
import org.spares.config.SparesConfiguration;
import org.spares.service.LedgerChecker;

/**
 * {@code check-ledger config.yml}: verifies every invariant over the whole database; prints each violation and
 * exits 1 when there is any, 0 when the stock is exact.
 */
public class CheckLedgerCommand extends ConfiguredCommand<SparesConfiguration> {
    public CheckLedgerCommand() {
        super("check-ledger", "Verifies the stock invariants over the whole database");
    }

    @Override
    protected void run(Bootstrap<SparesConfiguration> bootstrap, Namespace namespace, SparesConfiguration configuration) {
        List<String> violations;
        try (DatabaseSetup.CommandDatabase database = DatabaseSetup.openForCommand(configuration, "check-ledger")) {
            violations = new LedgerChecker(database.transactions()).check(System.err::println);
        }
        violations.forEach(System.out::println);
        if (!violations.isEmpty()) {
            throw new CommandFailure(violations.size() + " violations (listed on stdout)");
        }
        System.out.println("ledger OK: every invariant holds");
    }
}
