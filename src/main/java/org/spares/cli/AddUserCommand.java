package org.spares.cli;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import jakarta.validation.ConstraintViolation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.spares.config.DatabaseSetup;
import org.spares.config.SparesConfiguration;
import org.spares.domain.Role;
import org.spares.service.Passwords;
import org.spares.service.UserService.CreatedUser;
import org.spares.service.UserService.NewUser;

/**
 * {@code add-user --name NAME --role ROLE [--depots A,B] [--password-stdin] config.yml}: creates a user and prints
 * its token alone on the last line. With {@code --password-stdin} the first line of standard input becomes the
 * user's password (12 to 128 characters), so it never appears in the process list or the shell history. This is how the first ADMIN is made; the service has no built-in account. It acts as the database
 * operator, so the depot limits of a scoped ADMIN do not apply to it.
 */
public class AddUserCommand extends ConfiguredCommand<SparesConfiguration> {
    public AddUserCommand() {
        super("add-user", "Creates a user and prints its bearer token on the last line");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--name").required(true).help("the user's name");
        // An unknown role is then an argument error that lists the roles, before anything touches the database.
        subparser.addArgument("--role").required(true).type(Arguments.caseInsensitiveEnumType(Role.class))
                .help("ADMIN, MANAGER, TECHNICIAN or FINANCE");
        subparser.addArgument("--depots").setDefault("").help("comma-separated depot codes");
        subparser.addArgument("--password-stdin").dest("passwordStdin").action(Arguments.storeTrue())
                .help("read the user's password from the first line of standard input");
    }

    @Override
    protected void run(Bootstrap<SparesConfiguration> bootstrap, Namespace namespace, SparesConfiguration configuration) {
        Role role = namespace.get("role");
        List<String> depots = Arrays.stream(namespace.getString("depots").split(","))
                .map(String::strip).filter(code -> !code.isEmpty()).toList();
        NewUser request = new NewUser(namespace.getString("name"), role, depots);
        // The same field rules as POST /users (name text, depot code shapes), from the same annotations.
        Set<ConstraintViolation<NewUser>> violations = bootstrap.getValidatorFactory().getValidator().validate(request);
        if (!violations.isEmpty()) {
            ConstraintViolation<NewUser> first = violations.iterator().next();
            throw new CommandFailure("--" + first.getPropertyPath() + " " + first.getMessage());
        }
        // Read and checked before the database is touched: a refused password leaves no user behind.
        String password = Boolean.TRUE.equals(namespace.getBoolean("passwordStdin")) ? readPassword() : null;
        CreatedUser created;
        try (DatabaseSetup.CommandDatabase database = DatabaseSetup.openForCommand(configuration, "add-user")) {
            created = database.services(database.transactions(), Clock.systemUTC()).users()
                    .createByOperator(request, password);
        }
        System.out.println("created user " + created.id() + " (" + created.name() + ", " + created.role() + ", depots "
                + (created.depots().isEmpty() ? "all" : String.join(",", created.depots())) + ")");
        System.out.println(created.token());
    }
    private static String readPassword() {
        String line;
        try {
            line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException failure) {
            throw new CommandFailure("--password-stdin: standard input cannot be read: " + failure.getMessage());
        }
        if (line == null) {
            throw new CommandFailure("--password-stdin: standard input is empty; give the password on its first line");
        }
        int length = line.codePointCount(0, line.length());
        if (length < Passwords.MIN_LENGTH || length > Passwords.MAX_LENGTH) {
            throw new CommandFailure("--password-stdin: the password must be " + Passwords.MIN_LENGTH + " to "
                    + Passwords.MAX_LENGTH + " characters, not " + length);
        }
        return line;
    }
}
