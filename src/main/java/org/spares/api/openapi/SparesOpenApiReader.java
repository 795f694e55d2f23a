package org.spares.api.openapi;

import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.jaxrs2.ext.OpenAPIExtension;
import io.swagger.v3.jaxrs2.ext.OpenAPIExtensions;
import io.swagger.v3.oas.models.OpenAPI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Swagger's JAX-RS reader with the two things reflection cannot know: the {@code @Auth Caller} parameter is no
 * body, and what every operation shares ({@link ApiDescription}). The service ({@code /api/v1/openapi.json}) and
 * the build ({@code swagger-maven-plugin-jakarta}, which writes the file the test client is generated from) both
 * name this class, so they produce the same document.
 */
public class SparesOpenApiReader extends Reader {
    @Override
    public OpenAPI read(Set<Class<?>> classes, Map<String, Object> resources) {
        hideCaller();
        return ApiDescription.complete(super.read(classes, resources));
    }

    /** Swagger keeps its extension chain in one static list; ours goes first, once. */
    private static synchronized void hideCaller() {
        List<OpenAPIExtension> extensions = OpenAPIExtensions.getExtensions();
        if (extensions.stream().noneMatch(CallerParameterHider.class::isInstance)) {
            extensions.add(0, new CallerParameterHider());
        }
    }
}
