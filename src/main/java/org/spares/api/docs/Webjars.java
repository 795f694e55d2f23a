package org.spares.api.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** A webjar's version, read from its pom.properties, so that an upgrade of one changes only the pom. */
public final class Webjars {
    private Webjars() {
    }

    /** The version in the webjar's {@code /META-INF/maven/GROUP/ARTIFACT/pom.properties}. */
    public static String version(String pomProperties) {
        try (InputStream in = Webjars.class.getResourceAsStream(pomProperties)) {
            if (in == null) {
                throw new IllegalStateException(pomProperties + " is not on the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
