package org.spares.api.openapi;

import com.fasterxml.jackson.annotation.JsonView;
import io.swagger.v3.jaxrs2.ResolvedParameter;
import io.swagger.v3.jaxrs2.ext.AbstractOpenAPIExtension;
import io.swagger.v3.jaxrs2.ext.OpenAPIExtension;
import io.swagger.v3.oas.models.Components;
import jakarta.ws.rs.Consumes;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.spares.domain.Caller;

/**
 * The {@code @Auth Caller} parameter of every resource method is filled from the bearer token, never sent by a
 * client; unannotated, swagger's reader would take it for the request body. This extension runs first in swagger's
 * chain and answers "nothing" for it, so the real body parameter becomes the request body. Hiding it here, once,
 * keeps the resource signatures free of swagger annotations.
 */
final class CallerParameterHider extends AbstractOpenAPIExtension {
    @Override
    public ResolvedParameter extractParameters(List<Annotation> annotations, Type type, Set<Type> typesToSkip,
            Components components, Consumes classConsumes, Consumes methodConsumes, boolean includeRequestBody,
            JsonView jsonViewAnnotation, Iterator<OpenAPIExtension> chain) {
        if (constructType(type).getRawClass() == Caller.class) {
            return new ResolvedParameter();
        }
        return super.extractParameters(annotations, type, typesToSkip, components, classConsumes, methodConsumes,
                includeRequestBody, jsonViewAnnotation, chain);
    }
}
