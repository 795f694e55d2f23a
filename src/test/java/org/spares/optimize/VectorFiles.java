package org.spares.optimize;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the reference vectors (test resources: cases with answers computed independently, docs/OPTIMIZER.md). */
final class VectorFiles {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private VectorFiles() {
    }

    static JsonNode read(String name) {
        try (InputStream input = VectorFiles.class.getResourceAsStream("/vectors/" + name)) {
            if (input == null) {
                throw new IllegalStateException("missing vector " + name);
            }
            return MAPPER.readTree(input);
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }
}
