package org.spares.api.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Enum values in request bodies are their exact names: {@code "ADMIN"}, never {@code "admin"}, {@code " ADMIN"},
 * {@code "ad-min"} or an ordinal. Dropwizard's object mapper comes with its FuzzyEnumModule, which accepts any case
 * and dashes for underscores; that suits configuration files, not the strict JSON the API promises. Jackson asks
 * the most recently registered module first, so registering this one after Dropwizard's takes every enum back.
 * A refused value is an InvalidFormatException, which the JSON mapper answers as 400 VALIDATION_FAILED naming
 * the field.
 */
public final class ExactEnumModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    public ExactEnumModule() {
        super("ExactEnumModule");
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addDeserializers(new Deserializers.Base() {
            @Override
            public JsonDeserializer<?> findEnumDeserializer(Class<?> type, DeserializationConfig config,
                    BeanDescription description) {
                return new ExactEnumDeserializer(type);
            }
        });
    }

    /** Looks the text up among the constants' names; anything else is refused. */
    private static final class ExactEnumDeserializer extends StdScalarDeserializer<Object> {
        private static final long serialVersionUID = 1L;

        private final Map<String, Object> byName = new LinkedHashMap<>();

        ExactEnumDeserializer(Class<?> type) {
            super(type);
            for (Object constant : type.getEnumConstants()) {
                byName.put(((Enum<?>) constant).name(), constant);
            }
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return context.handleUnexpectedToken(handledType(), parser);
            }
            String text = parser.getText();
            Object constant = byName.get(text);
            if (constant == null) {
                return context.handleWeirdStringValue(handledType(), text, "not one of %s", byName.keySet());
            }
            return constant;
        }
    }
}
