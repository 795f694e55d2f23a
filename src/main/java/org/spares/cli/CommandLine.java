package org.spares.cli;

import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.sourceforge.argparse4j.ArgumentParsers;
import net.sourceforge.argparse4j.helper.HelpScreenException;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.ArgumentParser;
import net.sourceforge.argparse4j.inf.ArgumentParserException;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import net.sourceforge.argparse4j.inf.Subparsers;

/**
 * Parses the command line and runs one of the bootstrap's commands, in place of Dropwizard's {@code Cli}, so that
 * every failure a person can cause ends as one line on stderr and a non-zero exit. Dropwizard's Cli answers an
 * argument error with the whole help screen and a failed command with its stack trace ({@code Command.onError}),
 * and its parser is private, so that cannot be changed from outside. The commands, their options and the help
 * screens are the same as before; each command also takes {@code --verbose}, which adds the stack trace.
 */
public final class CommandLine {
    /** Exit status of a command that failed. */
    public static final int FAILED = 1;
    /** Exit status of a command line that does not parse, as argparse and most tools have it. */
    public static final int USAGE = 2;
    private static final String COMMAND = "command";
    private static final String VERBOSE = "verbose";
    private static final Set<String> HELP = Set.of("-h", "--help");
    private static final Set<String> VERSION = Set.of("-v", "--version");

    private final Bootstrap<?> bootstrap;
    private final String name;
    private final String version;
    private final PrintStream out;
    private final PrintStream err;
    private final ArgumentParser parser;
    private final Map<String, Command> commands = new TreeMap<>();

    /** {@code program} is how the usage line names it, {@code name} how an error line starts. */
    public CommandLine(Bootstrap<?> bootstrap, String program, String name, String version, PrintStream out,
            PrintStream err) {
        this.bootstrap = bootstrap;
        this.name = name;
        this.version = version;
        this.out = out;
        this.err = err;
        this.parser = ArgumentParsers.newFor(program).build();
        parser.addArgument("-v", "--version").action(Arguments.storeTrue()).help("print the version and exit");
        Subparsers subparsers = parser.addSubparsers().title("commands").metavar("COMMAND");
        for (Command command : bootstrap.getCommands()) {
            commands.put(command.getName(), command);
            Subparser subparser = subparsers.addParser(command.getName()).help(command.getDescription())
                    .description(command.getDescription()).defaultHelp(true);
            command.configure(subparser);
            subparser.addArgument("--" + VERBOSE).action(Arguments.storeTrue())
                    .help("on failure, print the stack trace too");
            subparser.setDefault(COMMAND, command.getName());
        }
    }

    /** Runs the command the arguments name; answers the exit status (0 when it succeeded). */
    public int run(String... arguments) {
        if (arguments.length == 0 || arguments.length == 1 && HELP.contains(arguments[0])) {
            parser.printHelp(new PrintWriter(out, true));
            return 0;
        }
        if (arguments.length == 1 && VERSION.contains(arguments[0])) {
            out.println(name + " " + version);
            return 0;
        }
        Namespace namespace;
        try {
            namespace = parser.parseArgs(arguments);
        } catch (HelpScreenException shown) {
            return 0;
        } catch (ArgumentParserException wrong) {
            err.println(prefix(arguments[0]) + FailureMessage.oneLine(wrong.getMessage()) + " ("
                    + (commands.containsKey(arguments[0]) ? arguments[0] + " " : "") + "--help lists the options)");
            return USAGE;
        }
        Command command = commands.get(namespace.getString(COMMAND));
        try {
            command.run(bootstrap, namespace);
            return 0;
        } catch (Exception failure) {
            // Errors (out of memory, a broken classpath) are left to the JVM: they are not a person's mistake.
            err.println(prefix(command.getName()) + FailureMessage.of(failure));
            if (Boolean.TRUE.equals(namespace.getBoolean(VERBOSE))) {
                failure.printStackTrace(err);
            }
            return FAILED;
        }
    }

    private String prefix(String command) {
        return commands.containsKey(command) ? name + " " + command + ": " : name + ": ";
    }
}
