package org.spares.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.spares.optimize.OptimizeRequest;

/**
 * A run's model as stored: the {@code POST /optimizer/solve} body as JSON. Jackson writes each double in its
 * shortest exact form, so the model read back is the very model the run solved.
 */
final class ModelJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private ModelJson() {
    }

    static String write(OptimizeRequest request) {
        try {
            return MAPPER.writeValueAsString(request);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("the model of records and numbers could not be written", impossible);
        }
    }

    static OptimizeRequest read(String json) {
        try {
            return MAPPER.readValue(json, OptimizeRequest.class);
        } catch (JsonProcessingException corrupt) {
            throw new IllegalStateException("a stored model is not a valid request", corrupt);
        }
    }
}
