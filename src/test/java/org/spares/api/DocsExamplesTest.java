package org.spares.api;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.spares.config.SparesConfiguration;
import org.spares.domain.Role;
import org.spares.support.TestApp;

/**
 * docs/API.md cannot rot: every {@code sh} block of the guide is run, in order, with bash, curl and jq against a
 * fresh service (as a reader would on an empty database), and each block's last answer must have the status the
 * guide shows after it, and, where the guide shows a JSON object, the same fields.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DocsExamplesTest {
    private static final Path GUIDE = Path.of("docs/API.md");
    private static final Pattern EXAMPLE = Pattern.compile(
            "```sh\n(.*?)```\n\n```http\nHTTP/1\\.1 (\\d{3})[^\n]*\n\n(.*?)```\n", Pattern.DOTALL);
    private static final String BLOCK_END = "@@@BLOCK@@@";
    private static final String CALL_END = "@@@CALL@@@";
    /** Each curl call's status and body go to two logs, so a block that keeps an answer in a variable is checked too. */
    private static final String PREAMBLE = """
            set -u
            curl() {
              local out; out=$(command curl -s -w '\\n%{http_code}' "$@")
              local code=${out##*$'\\n'} body=${out%$'\\n'*}
              printf '%s\\n' "$code" >> "$STATUS_LOG"; printf '%s\\n@@@CALL@@@\\n' "$body" >> "$BODY_LOG"
              printf '%s' "$body"
            }
            """;
    private static final TestApp APP = TestApp.create();
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();

    private record Example(String script, int status, String shown) {
    }

    @TempDir
    Path directory;

    @Test
    void everyExampleOfTheGuideAnswersAsShown() throws Exception {
        List<Example> examples = examples(Files.readString(GUIDE));
        assertThat(examples).as("examples in " + GUIDE).hasSizeGreaterThan(30);
        Path statuses = directory.resolve("statuses");
        Path bodies = directory.resolve("bodies");
        StringBuilder script = new StringBuilder(PREAMBLE);
        for (Example example : examples) {
            script.append(example.script()).append("echo ").append(BLOCK_END).append(" >> \"$STATUS_LOG\"; echo ")
                    .append(BLOCK_END).append(" >> \"$BODY_LOG\"\n");
        }
        run(script.toString(), statuses, bodies);
        List<String> statusBlocks = Arrays.asList(Files.readString(statuses).split(BLOCK_END + "\n", -1));
        List<String> bodyBlocks = Arrays.asList(Files.readString(bodies).split(BLOCK_END + "\n", -1));
        ObjectMapper json = new ObjectMapper();
        List<String> wrong = new ArrayList<>();
        for (int index = 0; index < examples.size(); index++) {
            Example example = examples.get(index);
            String[] codes = statusBlocks.get(index).strip().split("\n");
            String[] answers = bodyBlocks.get(index).split(CALL_END + "\n");
            String code = codes[codes.length - 1];
            String answer = answers[answers.length - 1].strip();
            String first = example.script().lines().findFirst().orElse("");
            if (!code.equals(String.valueOf(example.status()))) {
                wrong.add(first + "\n  status " + code + ", the guide shows " + example.status() + ": " + answer);
                continue;
            }
            if (example.shown().strip().startsWith("{")) {
                List<String> shownFields = fields(json.readTree(example.shown()));
                List<String> answerFields = fields(json.readTree(answer));
                if (!shownFields.equals(answerFields)) {
                    wrong.add(first + "\n  fields " + answerFields + ", the guide shows " + shownFields);
                }
            }
        }
        assertThat(wrong).as("examples of " + GUIDE + " that answer otherwise").isEmpty();
    }

    private static List<Example> examples(String guide) {
        List<Example> examples = new ArrayList<>();
        Matcher matcher = EXAMPLE.matcher(guide);
        while (matcher.find()) {
            examples.add(new Example(matcher.group(1), Integer.parseInt(matcher.group(2)), matcher.group(3)));
        }
        return examples;
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private void run(String script, Path statuses, Path bodies) throws IOException, InterruptedException {
        Path file = directory.resolve("guide.sh");
        Files.writeString(file, script);
        ProcessBuilder bash = new ProcessBuilder("bash", file.toString()).redirectErrorStream(true)
                .redirectOutput(directory.resolve("output").toFile());
        bash.environment().put("SPARES", APP.baseUrl() + "/api/v1");
        bash.environment().put("ADMIN", APP.token(Role.ADMIN));
        bash.environment().put("STATUS_LOG", statuses.toString());
        bash.environment().put("BODY_LOG", bodies.toString());
        Process process = bash.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the guide's examples finish within 2 minutes").isTrue();
        assertThat(process.exitValue()).as("bash (needs curl and jq): "
                + Files.readString(directory.resolve("output"), StandardCharsets.UTF_8)).isZero();
    }
}
