package org.spares.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;
import org.spares.domain.ListOrder;
import org.spares.report.CsvReportWriter;

/**
 * CSV answers, for the reports and for the lists that offer them (docs/REFERENCE.md "Lists, CSV and content types"). A list's CSV has one column per
 * field of its JSON item (fields that hold lists are left out), cells as in the JSON and through the reports'
 * {@link CsvReportWriter}, so text that a spreadsheet would run arrives as text. It holds every matching row in the
 * list's order, not one page: it is fetched in batches of {@link Page#MAX_LIMIT}, each batch its own read, so
 * memory stays one batch however long the list. Every CSV answer is an attachment with a dated file name.
 */
public final class ListCsv {
    public static final String TEXT_CSV = "text/csv";

    private final ObjectMapper mapper;
    private final Clock clock;

    public ListCsv(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** {@code ?format=} wins; otherwise the first of JSON or CSV that the Accept header names; JSON by default. */
    public static boolean wanted(String format, HttpHeaders headers) {
        String chosen = Requests.blankToNull(format);
        if (chosen != null) {
            if (!chosen.equals("csv") && !chosen.equals("json")) {
                throw new DomainException(ErrorCode.VALIDATION_FAILED, "format must be json or csv",
                        Map.of("field", "format"));
            }
            return chosen.equals("csv");
        }
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType()) {
                continue;
            }
            if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
                return true;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }

    /** A streamed CSV answer, {@code Content-Disposition: attachment; filename="NAME-YYYY-MM-DD.csv"}. */
    public Response attachment(String name, StreamingOutput body) {
        String file = name + "-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".csv";
        return Response.ok(body, TEXT_CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    /**
     * Every row of a list as CSV, in {@code order}. The first batch is read before the answer starts, so a refusal
     * (an unknown depot, one outside the caller's scope) is still a plain error answer.
     *
     * @param fetch one batch: the rows after the order's position, at most the given number
     */
    public <R, T extends Record> Response list(String name, Class<T> view, Function<R, T> toView, Sorts<R> sorts,
            ListOrder order, BiFunction<ListOrder, Integer, List<R>> fetch, Function<R, Long> id) {
        List<String> columns = columns(view);
        List<R> first = fetch.apply(order, Page.MAX_LIMIT);
        StreamingOutput body = out -> {
            CsvReportWriter csv = new CsvReportWriter(out);
            csv.start(Map.of(), columns);
            List<R> batch = first;
            while (true) {
                for (R row : batch) {
                    csv.row(cells(mapper.valueToTree(toView.apply(row)), columns));
                }
                if (batch.size() < Page.MAX_LIMIT) {
                    break;
                }
                R last = batch.get(batch.size() - 1);
                batch = fetch.apply(order.after(sorts.key(order, last), id.apply(last)), Page.MAX_LIMIT);
            }
            csv.finish();
        };
        return attachment(name, body);
    }

    private static List<String> columns(Class<? extends Record> view) {
        List<String> names = new ArrayList<>();
        for (RecordComponent component : view.getRecordComponents()) {
            if (!Collection.class.isAssignableFrom(component.getType())) {
                names.add(component.getName());
            }
        }
        return names;
    }

    /** The JSON item's values: numbers stay numbers (never neutralised), everything else is text. */
    private static List<Object> cells(JsonNode item, List<String> columns) {
        List<Object> cells = new ArrayList<>(columns.size());
        for (String column : columns) {
            JsonNode value = item.get(column);
            if (value == null || value.isNull()) {
                cells.add(null);
            } else if (value.isNumber()) {
                cells.add(value.decimalValue());
            } else {
                cells.add(value.asText());
            }
        }
        return cells;
    }
}
