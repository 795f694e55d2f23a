package org.spares.api.docs;

import io.dropwizard.assets.AssetsBundle;

/**
 * Swagger UI at {@code /api/docs/}: our page and initializer (assets/api-docs, pointing at
 * {@code /api/v1/openapi.json}) and, under {@code /api/docs/ui/}, the UI's own files straight from the
 * {@code org.webjars:swagger-ui} jar, so the page needs nothing from the internet.
 */
public final class ApiDocs {
    public static final String PATH = "/api/docs/";
    private static final String WEBJAR = "/META-INF/resources/webjars/swagger-ui/";
    private static final String WEBJAR_POM = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";

    private ApiDocs() {
    }

    /** The page and its initializer. */
    public static AssetsBundle page() {
        return new AssetsBundle("/assets/api-docs", PATH, "index.html", "api-docs");
    }

    /** The UI's scripts and styles, found by the webjar's version so an upgrade needs only the pom. */
    public static AssetsBundle swaggerUi() {
        return new AssetsBundle(WEBJAR + Webjars.version(WEBJAR_POM), PATH + "ui/", null, "swagger-ui");
    }
}
