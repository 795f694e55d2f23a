package org.spares.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers without cycles: domain imports no other package of Spares, db only domain, report (pure calculators
 * and writers) and optimize (pure functions) only domain; none of the last three reaches the database through Jdbi.
 */
class LayersTest {
    private static final Path MAIN = Path.of("src/main/java/org/spares");

    /** Per package: the other Spares packages it may import (only db may import Jdbi). */
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "domain", List.of(),
            "db", List.of("domain"),
            "report", List.of("domain"),
            "optimize", List.of("domain"));

    @Test
    void eachPackageImportsOnlyWhatItsLayerMay() throws IOException {
        for (Map.Entry<String, List<String>> layer : ALLOWED.entrySet()) {
            try (Stream<Path> files = Files.list(MAIN.resolve(layer.getKey()))) {
                for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                    for (String line : Files.readAllLines(file)) {
                        if (!line.startsWith("import ")) {
                            continue;
                        }
                        String imported = line.replace("import static ", "").replace("import ", "");
                        if (imported.startsWith("org.spares.")) {
                            String target = imported.substring("org.spares.".length()).split("\\.")[0];
                            assertThat(target).as(file + ": " + line)
                                    .isIn(concat(layer.getKey(), layer.getValue()));
                        }
                        if (!layer.getKey().equals("db")) {
                            assertThat(imported).as(file + ": " + line).doesNotStartWith("org.jdbi");
                        }
                    }
                }
            }
        }
    }

    private static List<String> concat(String own, List<String> others) {
        return Stream.concat(Stream.of(own), others.stream()).toList();
    }
}
