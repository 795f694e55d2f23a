package org.spares.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;

/**
 * Refuses a query parameter the matched resource method does not declare with {@code @QueryParam}: a misspelt
 * filter ({@code ?stauts=OPEN}) would otherwise be ignored and answer the whole list as if it had been applied.
 * 400 VALIDATION_FAILED with {@code details.field} (the first, alphabetically) and {@code details.fields} (all).
 * Runs after authentication and the role check, so a caller without access still learns nothing more.
 */
@Priority(Priorities.USER)
public final class KnownQueryParameters implements ContainerRequestFilter {
    private final Map<Method, Set<String>> declared = new ConcurrentHashMap<>();

    @Context
    private ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Set<String> known = declared.computeIfAbsent(method, KnownQueryParameters::queryParameters);
        TreeSet<String> unknown = new TreeSet<>(request.getUriInfo().getQueryParameters().keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "unknown query parameter"
                    + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown) + "; this endpoint takes "
                    + (known.isEmpty() ? "none" : String.join(", ", new TreeSet<>(known))),
                    Map.of("field", unknown.first(), "fields", List.copyOf(unknown)));
        }
    }

    private static Set<String> queryParameters(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                names.add(query.value());
            }
        }
        return Set.copyOf(names);
    }
}
