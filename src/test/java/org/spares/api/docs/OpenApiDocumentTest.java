package org.spares.api.docs;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.parser.core.models.ParseOptions;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spares.config.SparesConfiguration;
import org.spares.support.ApiClient;
import org.spares.support.ApiClient.Reply;
import org.spares.support.TestApp;

/**
 * The served OpenAPI document against the running service: it is the file the build wrote (and generated the test
 * client from), it names every resource method of the running service, it never mentions the {@code Caller}
 * principal, every operation has an id, a tag, a summary and a success response with a schema, every refusal has
 * the error body, and a validator accepts it.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OpenApiDocumentTest {
    private static final TestApp APP = TestApp.create();
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();

    /** Written by swagger-maven-plugin-jakarta at process-classes (pom.xml). */
    private static final java.nio.file.Path BUILT = java.nio.file.Path.of("target", "openapi", "openapi.json");

    private static JsonNode served() {
        Reply reply = new ApiClient(APP.baseUrl(), null).get("/api/v1/openapi.json");
        assertThat(reply.status()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void servedDocumentIsTheOneTheBuildWrote() throws IOException {
        assertThat(Files.exists(BUILT)).as(BUILT + " (run mvn process-classes)").isTrue();
        assertThat(served()).isEqualTo(ApiClient.JSON.readTree(BUILT.toFile()));
    }

    @Test
    void everyResourceMethodOfTheRunningServiceIsDescribed() {
        Set<String> running = new TreeSet<>();
        for (Class<?> type : EXTENSION.getEnvironment().jersey().getResourceConfig().getClasses()) {
            Path root = type.getAnnotation(Path.class);
            // The pages under /ui are for people, not part of the API's description.
            if (root == null || type.isAnnotationPresent(Hidden.class) || !root.value().startsWith("/api/")) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String verb = httpMethod(method);
                Operation operation = method.getAnnotation(Operation.class);
                if (verb == null || operation != null && operation.hidden()) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                running.add(verb + " " + join(root.value(), sub == null ? "" : sub.value()));
            }
        }
        Set<String> described = new TreeSet<>();
        served().get("paths").properties().forEach(path -> path.getValue().fieldNames()
                .forEachRemaining(verb -> described.add(verb.toUpperCase() + " " + path.getKey())));
        assertThat(running).hasSizeGreaterThan(50);
        assertThat(described).containsExactlyInAnyOrderElementsOf(running);
    }

    @Test
    void everyOperationIsCompleteAndNoneMentionsTheCaller() {
        JsonNode document = served();
        assertThat(document.toString()).doesNotContain("Caller");
        assertThat(document.get("openapi").asText()).startsWith("3.1");
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(document.at("/security/0").has("bearer")).isTrue();
        List<String> wrong = new ArrayList<>();
        Set<String> ids = new TreeSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            String name = entry.getKey().toUpperCase() + " " + path.getKey();
            JsonNode operation = entry.getValue();
            String id = operation.path("operationId").asText();
            if (!id.matches("[a-z][A-Za-z]+") || id.matches(".*_\\d+") || !ids.add(id)) {
                wrong.add(name + ": operationId " + id);
            }
            if (operation.path("tags").isEmpty() || operation.path("summary").asText().isBlank()) {
                wrong.add(name + ": tag or summary missing");
            }
            if (!hasSuccessSchema(operation.get("responses"))) {
                wrong.add(name + ": no 2xx response with a schema");
            }
            if (operation.get("responses").has("default")) {
                wrong.add(name + ": a default response");
            }
            for (String code : List.of("401", "403", "429", "503")) {
                if (!operation.get("responses").has(code)) {
                    wrong.add(name + ": no " + code);
                }
            }
            operation.get("responses").properties().forEach(response -> {
                if (response.getKey().matches("[45]..") && !response.getValue()
                        .at("/content/application~1json/schema/$ref").asText().equals("#/components/schemas/Error")) {
                    wrong.add(name + ": " + response.getKey() + " without the Error schema");
                }
            });
            if (entry.getKey().equals("post") && !hasParameter(operation, "header", "Idempotency-Key")) {
                wrong.add(name + ": no Idempotency-Key");
            }
        }));
        assertThat(wrong).isEmpty();
    }

    @Test
    void postedMovementTypesAreOnlyTheOnesPostAccepts() {
        assertThat(served().at("/components/schemas/NewMovement/properties/type/enum").toString())
                .isEqualTo("[\"RECEIPT\",\"ADJUSTMENT\",\"SCRAP\"]");
    }

    @Test
    void validatorAcceptsTheDocument() {
        assertThat(problems(served().toString())).isEmpty();
    }

    /** The validator is no rubber stamp: the same document with an operation's responses removed is refused. */
    @Test
    void validatorRefusesABrokenDocument() {
        ObjectNode broken = served().deepCopy();
        ((ObjectNode) broken.at("/paths/~1api~1v1~1depots/post")).remove("responses");
        broken.remove("info");
        assertThat(problems(broken.toString())).isNotEmpty();
    }

    private static List<String> problems(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        List<String> messages = new OpenAPIParser().readContents(document, null, options).getMessages();
        return messages == null ? List.of() : messages;
    }

    private static boolean hasSuccessSchema(JsonNode responses) {
        for (Map.Entry<String, JsonNode> response : responses.properties()) {
            if (response.getKey().equals("204")) {
                return true;
            }
            if (response.getKey().startsWith("2")) {
                for (JsonNode media : response.getValue().path("content")) {
                    if (!media.path("schema").isEmpty()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean hasParameter(JsonNode operation, String in, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (in.equals(parameter.path("in").asText()) && name.equals(parameter.path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    private static String httpMethod(Method method) {
        for (var annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static String join(String root, String sub) {
        String path = ("/" + root + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
