package org.spares.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.spares.optimize.OptimizeRequest;

/**
 * A run's model as stored: the {@code POST /optimizer/solve} body as JSON (and the run's simulation beside it). Jackson writes each double in its
 * shortest exact form, so the model read back is the very model the run solved.
 */
final class ModelJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private ModelJson() {
    }

    /** The model, or any record of numbers stored beside it (a run's simulation). */
    static String write(Record stored) {
        try {
            return MAPPER.writeValueAsString(stored);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("the model of records and numbers could not be written", impossible);
        }
    }

    static OptimizeRequest read(String json) {
        return read(json, OptimizeRequest.class);
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException corrupt) {
            throw new IllegalStateException("a stored " + type.getSimpleName() + " is not valid JSON of it", corrupt);
        }
    }
}
