package org.spares.api.openapi;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.spares.api.Page;
import org.spares.api.errors.ErrorBody;

/**
 * What every operation of the API shares, added to the document after swagger has read the resources: the bearer
 * scheme, the one error body and the refusals any operation can give. Rules instead of annotations, so a new
 * endpoint gets them without being told; the refusals particular to one endpoint (409, say) are declared on it.
 */
final class ApiDescription {
    static final String BEARER = "bearer";
    static final String ERROR = "Error";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("400", "VALIDATION_FAILED: the body or a parameter is invalid; details name the field"),
            Map.entry("401", "UNAUTHENTICATED: no valid bearer token"),
            Map.entry("403", "FORBIDDEN: the role may not call this, or the depot is outside the caller's scope"),
            Map.entry("404", "NOT_FOUND: no such resource in the caller's scope"),
            Map.entry("409", "CONFLICT, INSUFFICIENT_STOCK or ILLEGAL_STATE"),
            Map.entry("413", "PAYLOAD_TOO_LARGE: the body is over the limit"),
            Map.entry("415", "UNSUPPORTED_MEDIA_TYPE: the body is not of a type this operation reads"),
            Map.entry("422", "IDEMPOTENCY_KEY_REUSED: the key was used with another body"),
            Map.entry("429", "RATE_LIMITED: too many requests; retry after the Retry-After seconds"),
            Map.entry("503", "UNAVAILABLE: overloaded or the database is unreachable; retry later"));

    private static final Pattern REFERENCE = Pattern.compile("\"#/components/schemas/([^\"]+)\"");

    private ApiDescription() {
    }

    static OpenAPI complete(OpenAPI api) {
        api.info(new Info().title("Spares API").version("1").description("""
                Spare-parts inventory and repair logistics. Every operation needs `Authorization: Bearer <token>` \
                (tokens come from `add-user` or POST /api/v1/users). Every error has one body, the `Error` schema. \
                POST operations honour an optional `Idempotency-Key` header: a retry with the same key and body \
                gets the first answer again."""));
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.components(components);
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("A token of the form sp_..., from add-user or POST /api/v1/users"));
        ModelConverters.getInstance(true).readAll(ErrorBody.class).forEach(components::addSchemas);
        if (components.getSchemas() != null) {
            components.getSchemas().remove("Caller");
            components.schemas(new TreeMap<>(components.getSchemas()));
        }
        api.addSecurityItem(new SecurityRequirement().addList(BEARER));
        if (api.getPaths() != null) {
            api.getPaths().values().forEach(path -> path.readOperationsMap().forEach(
                    (method, operation) -> completeOperation(method, operation)));
        }
        removeUnreferenced(api);
        return api;
    }

    private static void completeOperation(PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.responses(responses);
        operation.parameters(mergeDuplicates(operation.getParameters()));
        boolean hasBody = operation.getRequestBody() != null;
        boolean hasQuery = false;
        boolean hasPath = false;
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                hasQuery |= "query".equals(parameter.getIn());
                hasPath |= "path".equals(parameter.getIn());
                describeCommon(parameter);
            }
        }
        if (hasBody || hasQuery) {
            refusal(responses, "400");
        }
        refusal(responses, "401");
        refusal(responses, "403");
        if (hasPath) {
            refusal(responses, "404");
        }
        if (hasBody) {
            refusal(responses, "413");
            refusal(responses, "415");
        }
        if (method == PathItem.HttpMethod.POST) {
            refusal(responses, "422");
        }
        refusal(responses, "429");
        refusal(responses, "503");
        responses.forEach((code, response) -> {
            if ((code.startsWith("4") || code.startsWith("5")) && response.getContent() == null) {
                response.content(errorContent());
            }
        });
        ApiResponses sorted = new ApiResponses();
        new TreeMap<>(responses).forEach(sorted::addApiResponse);
        operation.responses(sorted);
    }

    /**
     * The parameters that mean the same on every operation that takes them (paging, depot filter, periods, report
     * format), described once here instead of on each method. A parameter an annotation already described keeps it.
     */
    private static void describeCommon(Parameter parameter) {
        if (parameter.getDescription() != null) {
            return;
        }
        String in = parameter.getIn();
        switch (in + " " + parameter.getName()) {
            case "header " + IDEMPOTENCY_KEY -> parameter.description("Optional client key (up to 128 characters): a"
                    + " retry with the same key and body gets the stored first answer; another body is 422.");
            case "query limit" -> parameter.description("Page size").schema(pageSize());
            case "query cursor" -> parameter.description("The nextCursor of the previous page; absent for the first");
            case "query depot" -> parameter.description("Only this depot (403 outside the caller's depots)");
            case "query from" -> parameter.description("Start (inclusive): an ISO-8601 instant or a date YYYY-MM-DD"
                    + " (UTC midnight)").example("2026-01-01");
            case "query to" -> parameter.description("End (exclusive; reports cap it at now, the default): an ISO-8601"
                    + " instant or a date YYYY-MM-DD").example("2026-02-01");
            case "query asOf" -> parameter.description("The instant or date YYYY-MM-DD the report is taken at; default"
                    + " and cap: now").example("2026-01-31");
            case "query groupBy" -> parameter.description("One row per depot, part or category")
                    .schema(new StringSchema()._enum(List.of("depot", "part", "category"))._default("depot"));
            case "query format" -> parameter.description("json or csv; wins over the Accept header; default json")
                    .schema(new StringSchema()._enum(List.of("json", "csv")));
            default -> {
                // particular to its operation: described on the method, if at all
            }
        }
    }

    /**
     * A query parameter described by {@code @Operation(parameters = ...)} above the method (so the signature stays
     * free of annotations) appears twice in swagger's output, once from the annotation and once from the signature:
     * one parameter, the annotation's description and schema first, the signature's for what it left out.
     */
    private static List<Parameter> mergeDuplicates(List<Parameter> parameters) {
        if (parameters == null) {
            return null;
        }
        Map<String, Parameter> merged = new LinkedHashMap<>();
        for (Parameter parameter : parameters) {
            Parameter first = merged.putIfAbsent(parameter.getIn() + " " + parameter.getName(), parameter);
            if (first != null) {
                merge(first, parameter);
            }
        }
        merged.values().forEach(parameter -> {
            if (Boolean.FALSE.equals(parameter.getRequired())) {
                parameter.required(null);
            }
        });
        return new ArrayList<>(merged.values());
    }

    /**
     * Swagger registers the schema of every type it reads, including those an annotation then replaced (the
     * {@code JsonNode} of a PATCH, the {@code Response} wrapper); a generated client would carry them as dead
     * classes. Keeps only what the paths reach.
     */
    private static void removeUnreferenced(OpenAPI api) {
        Map<String, ?> schemas = api.getComponents().getSchemas();
        Set<String> reached = new TreeSet<>();
        Deque<String> pending = new ArrayDeque<>(references(Json31.pretty(api.getPaths())));
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (reached.add(name) && schemas.containsKey(name)) {
                pending.addAll(references(Json31.pretty(schemas.get(name))));
            }
        }
        schemas.keySet().retainAll(reached);
    }

    private static List<String> references(String json) {
        return REFERENCE.matcher(json).results().map(match -> match.group(1)).toList();
    }

    /** The signature's schema knows the Java type; the annotation adds the enum, default and bounds. */
    @SuppressWarnings("unchecked") // the enum and default were written for this parameter's own type
    private static void merge(Parameter annotated, Parameter signature) {
        Schema<Object> typed = (Schema<Object>) signature.getSchema();
        Schema<?> described = annotated.getSchema();
        if (typed != null && described != null) {
            if (described.getEnum() != null && typed.getEnum() == null) {
                typed.setEnum(new ArrayList<>(described.getEnum()));
            }
            if (typed.getDefault() == null && described.getDefault() != null) {
                typed.setDefault(typedValue(typed, described.getDefault()));
            }
            typed.setMinimum(typed.getMinimum() != null ? typed.getMinimum() : described.getMinimum());
            typed.setMaximum(typed.getMaximum() != null ? typed.getMaximum() : described.getMaximum());
            annotated.schema(typed);
        } else if (described == null) {
            annotated.schema(signature.getSchema());
        }
        if (annotated.getDescription() == null) {
            annotated.description(signature.getDescription());
        }
        annotated.required(Boolean.TRUE.equals(annotated.getRequired())
                || Boolean.TRUE.equals(signature.getRequired()));
    }

    /** Annotations give every default as text; the document states it in the parameter's type. */
    private static Object typedValue(Schema<?> schema, Object value) {
        String type = schema.getType() != null ? schema.getType()
                : schema.getTypes() == null ? null : schema.getTypes().iterator().next();
        if (!(value instanceof String text) || type == null) {
            return value;
        }
        return switch (type) {
            case "integer" -> Long.valueOf(text);
            case "boolean" -> Boolean.valueOf(text);
            default -> text;
        };
    }

    private static Schema<Number> pageSize() {
        IntegerSchema size = new IntegerSchema();
        size.setMinimum(BigDecimal.ONE);
        size.setMaximum(BigDecimal.valueOf(Page.MAX_LIMIT));
        size.setDefault(Page.DEFAULT_LIMIT);
        return size;
    }

    private static void refusal(ApiResponses responses, String code) {
        if (!responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().description(REASONS.get(code)));
        }
    }

    private static Content errorContent() {
        return new Content().addMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ERROR)));
    }
}
