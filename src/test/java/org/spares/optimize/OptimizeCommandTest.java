package org.spares.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spares.cli.CommandFailure;
import org.spares.cli.OptimizeCommand;


/** Runs the {@code optimize} command in-process, capturing what it prints. */
class OptimizeCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void printsThePlanOnStdoutAndProgressOnStderr(@TempDir Path directory) throws Exception {
        Path model = directory.resolve("vector.json");
        Files.writeString(model, VectorFiles.read("solve-3x3-wait-per-depot.json").toString());
        new OptimizeCommand().run(null, namespace(model));
        JsonNode plan = VectorFiles.MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(plan.get("status").asText()).isEqualTo("OPTIMAL");
        assertThat(plan.get("annualHoldingCost").asDouble()).isCloseTo(1851.0,
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(plan.get("positions").size()).isEqualTo(9);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("progress").contains("done");
    }

    @Test
    void anInvalidModelFailsWithTheFieldNamed(@TempDir Path directory) throws Exception {
        Path model = directory.resolve("bad.json");
        Files.writeString(model, """
                {"parts":[{"sku":"A","unitCost":100}],"depots":[{"code":"X"}],
                 "demand":[{"depot":"X","sku":"A","ratePerDay":-1,"leadTimeDays":10}]}""");
        // The command line prints the failure's message as its one line on stderr (CommandLineTest).
        assertThatThrownBy(() -> new OptimizeCommand().run(null, namespace(model)))
                .isInstanceOf(CommandFailure.class).hasMessageContaining("VALIDATION_FAILED")
                .hasMessageContaining("demand[0].ratePerDay");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void anUnreadableFileFailsWithAClearMessage(@TempDir Path directory) {
        Path missing = directory.resolve("missing.json");
        assertThatThrownBy(() -> new OptimizeCommand().run(null, namespace(missing)))
                .isInstanceOf(CommandFailure.class).hasMessageContaining("cannot read model");
    }

    private static Namespace namespace(Path model) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("model", model.toString());
        attributes.put("frontier", null);
        return new Namespace(attributes);
    }
}
