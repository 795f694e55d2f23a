package org.spares.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Streams a report as one JSON object; a row is written and forgotten. */
public final class JsonReportWriter implements ReportWriter {
    private final JsonGenerator json;
    private List<String> columns;

    public JsonReportWriter(ObjectMapper mapper, OutputStream out) {
        try {
            this.json = mapper.getFactory().createGenerator(out);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    @Override
    public void start(Map<String, Object> header, List<String> columns) {
        this.columns = List.copyOf(columns);
        try {
            json.writeStartObject();
            for (Map.Entry<String, Object> field : header.entrySet()) {
                json.writeFieldName(field.getKey());
                value(field.getValue());
            }
            json.writeArrayFieldStart("rows");
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    @Override
    public void row(List<Object> cells) {
        try {
            object(cells);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    @Override
    public void total(List<Object> cells) {
        try {
            json.writeEndArray();
            json.writeFieldName("total");
            object(cells);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    @Override
    public void finish() {
        try {
            json.writeEndObject();
            json.flush();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private void object(List<Object> cells) throws IOException {
        json.writeStartObject();
        for (int i = 0; i < columns.size(); i++) {
            json.writeFieldName(columns.get(i));
            value(cells.get(i));
        }
        json.writeEndObject();
    }

    private void value(Object cell) throws IOException {
        if (cell == null) {
            json.writeNull();
        } else if (cell instanceof BigDecimal decimal) {
            json.writeNumber(decimal);
        } else if (cell instanceof Integer number) {
            json.writeNumber(number);
        } else if (cell instanceof Long number) {
            json.writeNumber(number);
        } else if (cell instanceof Instant instant) {
            json.writeString(instant.toString());
        } else {
            json.writeString(cell.toString());
        }
    }
}
