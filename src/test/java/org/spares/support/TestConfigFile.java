package org.spares.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.dropwizard.testing.ResourceHelpers;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A copy of test-config.yml with some values replaced by typed ones, in a temporary file deleted on exit. */
public final class TestConfigFile {
    private static final YAMLMapper YAML = new YAMLMapper();

    private TestConfigFile() {
    }

    public static String with(Map<String, Object> values) {
        try {
            ObjectNode root = (ObjectNode) YAML.readTree(new File(ResourceHelpers.resourceFilePath("test-config.yml")));
            values.forEach((path, value) -> set(root, path, value));
            Path copy = Files.createTempFile("spares-test-config", ".yml");
            copy.toFile().deleteOnExit();
            YAML.writeValue(copy.toFile(), root);
            return copy.toString();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static void set(ObjectNode root, String path, Object value) {
        String[] keys = path.split("\\.");
        ObjectNode node = root;
        for (int index = 0; index < keys.length - 1; index++) {
            JsonNode child = node.get(keys[index]);
            node = child instanceof ObjectNode object ? object : node.putObject(keys[index]);
        }
        node.set(keys[keys.length - 1], YAML.valueToTree(value));
    }
}
