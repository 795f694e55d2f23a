package org.spares.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Map;
import java.util.Set;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;

/**
 * PATCH as JSON merge (RFC 7396, {@code application/merge-patch+json}, also accepted as {@code application/json}):
 * the given fields replace the current ones, {@code null} clears an optional field, and the merged whole is
 * validated with the same rules as a create. Fields that cannot be changed are named and refused rather than ignored.
 * Not JSON-P's {@code Json.createMergePatch}: on our flat bodies the merge is one {@code set} per field, and what this
 * class is for (refusing unknown and read-only fields by name before merging) is not something a merge library does.
 */
public final class PatchMerger {
    /** RFC 7396's media type. */
    public static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    private final ObjectMapper mapper;
    private final Validator validator;

    public PatchMerger(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    public <T> T merge(T current, JsonNode patch, Set<String> editable, Class<T> type) {
        if (patch == null || !patch.isObject()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "the body must be a JSON object",
                    Map.of("field", "body"));
        }
        ObjectNode merged = mapper.valueToTree(current);
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            if (!merged.has(field.getKey())) {
                throw new DomainException(ErrorCode.VALIDATION_FAILED, "unknown field " + field.getKey(),
                        Map.of("field", field.getKey(), "reason", "unknown field"));
            }
            if (!editable.contains(field.getKey())) {
                throw new DomainException(ErrorCode.VALIDATION_FAILED, field.getKey() + " cannot be changed here",
                        Map.of("field", field.getKey(), "reason", "read-only"));
            }
            merged.set(field.getKey(), field.getValue());
        }
        T value;
        try {
            value = mapper.treeToValue(merged, type);
        } catch (JsonProcessingException wrongType) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "a field has the wrong type or value",
                    Map.of("field", "body"));
        } catch (IllegalArgumentException wrongType) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "a field has the wrong type or value",
                    Map.of("field", "body"));
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return value;
    }
}
