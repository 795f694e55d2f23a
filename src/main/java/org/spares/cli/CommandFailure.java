package org.spares.cli;







/**
 * An ordinary reason for a command to stop (a missing file, a database that is not empty, a server in the way):
 * {@link CommandLine} prints its message as one line on stderr and exits 1, without a stack trace. The message
 * says what is wrong and, where there is something to do, what to do.
 */
public class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CommandFailure(String message) {
        super(message);
    }

    public CommandFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
