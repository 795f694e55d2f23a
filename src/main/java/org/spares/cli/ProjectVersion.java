package org.spares.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The project version, as Maven wrote it into {@code org/spares/version.properties}. The jar's manifest carries it
 * too (Implementation-Version), but a classes directory (tests, an IDE) has no manifest; the resource is in both.
 */
public final class ProjectVersion {
    private static final String RESOURCE = "/org/spares/version.properties";

    private ProjectVersion() {
    }

    public static String read() {
        try (InputStream in = ProjectVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
