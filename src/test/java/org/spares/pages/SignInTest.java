package org.spares.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spares.config.SparesConfiguration;
import org.spares.domain.Role;
import org.spares.support.ApiClient.Reply;
import org.spares.support.ClockedSparesApplication;
import org.spares.support.Fixtures;
import org.spares.support.PageClient;
import org.spares.support.TestApp;

/**
 * Signing in and out of the pages over real HTTP: the session cookie and its flags, the anti-forgery tokens, the
 * limit on failed sign-ins, idle expiry and revocation, and the headers every page carries. On the clocked app,
 * so the idle timeout passes by moving the clock.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SignInTest {
    private static final TestApp APP = TestApp.clocked();
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>", Pattern.CASE_INSENSITIVE);

    private static PageClient signedIn(String name) {
        PageClient client = new PageClient(APP.baseUrl());
        HttpResponse<String> answer = client.signIn(name, TestApp.PASSWORD);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
        return client;
    }

    @Test
    void aSignedOutVisitorIsSentToSignInAndBackToThePageAskedFor() {
        Fixtures.depot(APP.admin(), "SI1");
        APP.person("maria", Role.MANAGER, "SI1");
        PageClient client = new PageClient(APP.baseUrl());

        HttpResponse<String> page = client.get("/ui/depots?x=1");
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/ui/login?next=%2Fui%2Fdepots%3Fx%3D1");

        HttpResponse<String> form = client.get("/ui/login?next=/ui/depots");
        assertThat(form.body()).contains("name=\"name\"", "name=\"password\"", "value=\"/ui/depots\"");
        HttpResponse<String> signIn = client.signIn("maria", TestApp.PASSWORD);
        assertThat(signIn.statusCode()).isEqualTo(303);
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/ui/depots/SI1");
        String cookie = signIn.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("spares_session=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax", "Path=/ui").doesNotContain("Max-Age", "Expires");
        List<String> hashes = APP.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT s.token_hash FROM page_sessions s JOIN users u ON u.id = s.user_id WHERE u.name = 'maria'")
                .mapTo(String.class).list());
        assertThat(hashes).hasSize(1);
        assertThat(cookie).doesNotContain(hashes.get(0));

        HttpResponse<String> depots = client.get("/ui/depots");
        assertThat(depots.statusCode()).isEqualTo(200);
        assertThat(depots.body()).contains("maria", "SI1");
    }

    @Test
    void aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
        APP.person("wendy", Role.FINANCE);
        PageClient client = new PageClient(APP.baseUrl());
        HttpResponse<String> wrong = client.signIn("wendy", "not the password");
        HttpResponse<String> unknown = client.signIn("nobody-at-all", "not the password");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("do not match");
        assertThat(wrong.headers().allValues("Set-Cookie")).noneMatch(value -> value.startsWith("spares_session="));
    }

    @Test
    void theSignInFormRefusesAPostWithoutItsOwnToken() {
        APP.person("forged", Role.FINANCE);
        PageClient client = new PageClient(APP.baseUrl());
        HttpResponse<String> answer = client.postWithoutToken("/ui/login",
                Map.of("name", "forged", "password", TestApp.PASSWORD));
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.headers().allValues("Set-Cookie")).noneMatch(value -> value.startsWith("spares_session="));
    }

    @Test
    void onlyPagesOfThisSiteAreFollowedAfterSignIn() {
        APP.person("nadia", Role.FINANCE);
        for (String next : List.of("//evil.example/x", "https://evil.example/", "/api/v1/depots", "/ui/login")) {
            PageClient client = new PageClient(APP.baseUrl());
            client.get("/ui/login?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8));
            HttpResponse<String> signIn = client.signIn("nadia", TestApp.PASSWORD);
            assertThat(signIn.headers().firstValue("Location").orElseThrow()).as(next).endsWith("/ui/reports");
        }
    }

    @Test
    void signingOutNeedsTheTokenAndEndsTheSessionForGood() {
        APP.person("olga", Role.FINANCE);
        PageClient client = signedIn("olga");
        client.get("/ui/depots");

        HttpResponse<String> forged = client.postWithoutToken("/ui/logout", Map.of());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("anti-forgery token");
        assertThat(client.get("/ui/depots").statusCode()).isEqualTo(200);

        String session = client.cookies().getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("spares_session")).findFirst().orElseThrow().getValue();
        HttpResponse<String> out = client.postForm("/ui/logout", Map.of());
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/ui/login");

        HttpResponse<String> reused = send("/ui/depots", "spares_session=" + session);
        assertThat(reused.statusCode()).isEqualTo(303);
        assertThat(reused.headers().firstValue("Location").orElseThrow()).contains("/ui/login");
    }

    @Test
    void theSessionCookieNeverSignsInToTheApi() {
        APP.person("pavel", Role.FINANCE);
        PageClient client = signedIn("pavel");
        String session = client.cookies().getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("spares_session")).findFirst().orElseThrow().getValue();
        assertThat(send("/api/v1/depots", "spares_session=" + session).statusCode()).isEqualTo(401);
    }

    @Test
    void aRevokedUsersSessionEndsAtOnce() {
        String token = APP.person("rita", Role.FINANCE);
        PageClient client = signedIn("rita");
        assertThat(client.get("/ui/depots").statusCode()).isEqualTo(200);
        long id = APP.jdbi().withHandle(handle -> handle.createQuery("SELECT id FROM users WHERE name = 'rita'")
                .mapTo(Long.class).one());
        Reply revoked = APP.admin().delete("/api/v1/users/" + id);
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(204);
        assertThat(client.get("/ui/depots").statusCode()).isEqualTo(303);
        assertThat(APP.client(token).get("/api/v1/depots").status()).isEqualTo(401);
    }

    @Test
    void aSessionIdleForTheTimeoutEndsAndUseKeepsItAlive() {
        APP.person("ivan", Role.FINANCE);
        PageClient client = signedIn("ivan");
        ClockedSparesApplication.CLOCK.advance(Duration.ofHours(7));
        assertThat(client.get("/ui/depots").statusCode()).isEqualTo(200);
        ClockedSparesApplication.CLOCK.advance(Duration.ofHours(7));
        assertThat(client.get("/ui/depots").statusCode()).as("used 7 h ago").isEqualTo(200);
        ClockedSparesApplication.CLOCK.advance(Duration.ofHours(8).plusMinutes(1));
        HttpResponse<String> idle = client.get("/ui/depots");
        assertThat(idle.statusCode()).isEqualTo(303);
        assertThat(idle.headers().firstValue("Location").orElseThrow()).contains("/ui/login");
    }

    @Test
    void failedSignInsAreLimitedPerNameAndTheRightPasswordWaitsToo() {
        APP.person("gina", Role.FINANCE);
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(new PageClient(APP.baseUrl()).signIn("gina", "wrong guess " + attempt).statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> limited = new PageClient(APP.baseUrl()).signIn("GINA ", TestApp.PASSWORD);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).contains("Too many failed sign-ins");
        ClockedSparesApplication.NANO_TIME.addAndGet(Duration.ofMinutes(4).toNanos());
        assertThat(new PageClient(APP.baseUrl()).signIn("gina", TestApp.PASSWORD).statusCode())
                .as("a fifth of the window later, one try is back").isEqualTo(303);
    }

    @Test
    void failedSignInsAreLimitedPerAddressAcrossNames() {
        for (int attempt = 0; attempt < 20; attempt++) {
            new PageClient(APP.baseUrl()).signIn("stranger-" + attempt, "wrong guess");
        }
        APP.person("hugo", Role.FINANCE);
        assertThat(new PageClient(APP.baseUrl()).signIn("hugo", TestApp.PASSWORD).statusCode()).isEqualTo(429);
        ClockedSparesApplication.NANO_TIME.addAndGet(Duration.ofMinutes(15).toNanos());
    }

    @Test
    void everyPageForbidsInlineScriptAndFraming() {
        APP.person("carla", Role.ADMIN);
        PageClient client = signedIn("carla");
        for (String path : List.of("/ui/login", "/ui/depots", "/ui/no-such-page")) {
            HttpResponse<String> page = client.get(path);
            String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(policy).as(path).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
            assertThat(INLINE_SCRIPT.matcher(page.body()).find()).as(path).isFalse();
            assertThat(page.body()).as(path).doesNotContain(" style=\"", "onclick=", "javascript:");
        }
        HttpResponse<String> missing = client.get("/ui/no-such-page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    }

    private static HttpResponse<String> send(String path, String cookie) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(APP.baseUrl() + path))
                    .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
