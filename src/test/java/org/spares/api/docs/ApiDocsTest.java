package org.spares.api.docs;

import static org.assertj.core.api.Assertions.assertThat;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spares.config.SparesConfiguration;
import org.spares.support.TestApp;

/**
 * Swagger UI at /api/docs/, served from the webjar and pointed at the service's own document, and the redirects
 * that lead there. (A browser test of the page comes with another issue.)
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ApiDocsTest {
    private static final TestApp APP = TestApp.create();
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();

    /** Never follows redirects, so the test sees them. */
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(APP.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pageLoadsTheUiFromThisServiceAndNothingFromElsewhere() throws Exception {
        HttpResponse<String> page = get("/api/docs/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("id=\"swagger-ui\"", "src=\"/api/docs/ui/swagger-ui-bundle.js\"",
                "src=\"/api/docs/swagger-initializer.js\"").doesNotContain("http://", "https://", "//cdn");
        // without the slash too: the page names its files by absolute paths
        assertThat(get("/api/docs").body()).isEqualTo(page.body());
        for (String asset : new String[] {"ui/swagger-ui-bundle.js", "ui/swagger-ui-standalone-preset.js",
                "ui/swagger-ui.css"}) {
            HttpResponse<String> file = get("/api/docs/" + asset);
            assertThat(file.statusCode()).as(asset).isEqualTo(200);
            assertThat(file.body()).as(asset).hasSizeGreaterThan(1000);
        }
    }

    @Test
    void initializerPointsAtTheDocumentAndKeepsTheToken() throws Exception {
        HttpResponse<String> initializer = get("/api/docs/swagger-initializer.js");
        assertThat(initializer.statusCode()).isEqualTo(200);
        assertThat(initializer.body()).contains("url: \"/api/v1/openapi.json\"", "persistAuthorization: true")
                .doesNotContain("petstore");
        assertThat(get("/api/v1/openapi.json").body()).contains("\"bearer\"");
    }

    @Test
    void theApiRootRedirectsToTheDocsAndTheRootToThePages() throws Exception {
        HttpResponse<String> api = get("/api/v1");
        assertThat(api.statusCode()).isEqualTo(303);
        assertThat(api.headers().firstValue("Location").orElse("")).endsWith("/api/docs/");
        HttpResponse<String> root = get("/");
        assertThat(root.statusCode()).isEqualTo(303);
        assertThat(root.headers().firstValue("Location").orElse("")).endsWith("/ui");
    }
}
