package org.spares.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser, for page tests over HTTP: keeps cookies, does not follow redirects (tests look at
 * them), signs in through the sign-in form, and posts forms with the anti-forgery token of the last page read.
 */
public final class PageClient {
    private static final Pattern SESSION_TOKEN = Pattern.compile("\"X-CSRF-Token\":\"([^\"]+)\"");
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String csrf = "";

    public PageClient(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Signs in through the form; returns the answer to the form's post (303 on success). */
    public HttpResponse<String> signIn(String name, String password) {
        HttpResponse<String> form = get("/ui/login");
        Matcher token = FORM_TOKEN.matcher(form.body());
        if (!token.find()) {
            throw new AssertionError("no sign-in token on the sign-in page: " + form.body());
        }
        return send(post("/ui/login", Map.of("name", name, "password", password, "csrf", token.group(1)), false));
    }

    /** A page (or fragment, when {@code htmx}); remembers its anti-forgery token for the next post. */
    public HttpResponse<String> get(String path) {
        return get(path, false);
    }

    public HttpResponse<String> get(String path, boolean htmx) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        if (htmx) {
            request.header("HX-Request", "true");
        }
        HttpResponse<String> response = send(request);
        Matcher token = SESSION_TOKEN.matcher(response.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return response;
    }

    /** Posts a form as htmx does: with the session's token in the X-CSRF-Token header. */
    public HttpResponse<String> postHtmx(String path, Map<String, String> fields) {
        return send(post(path, fields, true).header("X-CSRF-Token", csrf));
    }

    /** Posts a plain form with the session's token as its {@code csrf} field. */
    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("csrf", csrf);
        return send(post(path, withToken, false));
    }

    /** Posts a form without any anti-forgery token, as a forged cross-site form would. */
    public HttpResponse<String> postWithoutToken(String path, Map<String, String> fields) {
        return send(post(path, fields, false));
    }

    public String csrf() {
        return csrf;
    }

    public CookieManager cookies() {
        return cookies;
    }

    private HttpRequest.Builder post(String path, Map<String, String> fields, boolean htmx) {
        String body = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (htmx) {
            request.header("HX-Request", "true");
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
