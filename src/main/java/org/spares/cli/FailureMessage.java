package org.spares.cli;

import io.dropwizard.configuration.ConfigurationException;
import java.io.FileNotFoundException;
import java.nio.file.NoSuchFileException;
import org.spares.domain.DomainException;

/** The one line a failed command leaves on stderr. */
final class FailureMessage {
    static final String VERBOSE_HINT = " (--verbose shows the stack trace)";

    private FailureMessage() {
    }

    /**
     * Ordinary failures say their message; anything else is a fault of Spares or its surroundings (a database that
     * does not answer, say): its message and its root cause's, and a pointer to --verbose for the stack trace.
     */
    static String of(Throwable failure) {
        if (isOrdinary(failure)) {
            return oneLine(failure.getMessage());
        }
        String message = describe(failure);
        Throwable root = rootCause(failure);
        String rootMessage = describe(root);
        if (root != failure && !message.contains(rootMessage)) {
            message = (message.endsWith(".") ? message.substring(0, message.length() - 1) : message) + ": "
                    + rootMessage;
        }
        return message + VERBOSE_HINT;
    }

    static boolean isOrdinary(Throwable failure) {
        return failure instanceof CommandFailure || failure instanceof DomainException
                || failure instanceof ConfigurationException || failure instanceof FileNotFoundException
                || failure instanceof NoSuchFileException;
    }

    /** Several lines (a configuration error lists each bad key on its own) joined into one. */
    static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        return message.strip().replaceAll("\\s*\\R\\s*(\\*\\s*)?", "; ").replace(":;", ":");
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        return oneLine(message);
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
