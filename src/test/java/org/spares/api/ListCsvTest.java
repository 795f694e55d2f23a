package org.spares.api;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spares.domain.ListOrder;

/** A list's CSV holds every row, read batch after batch from where the last one ended, ties on the key included. */
class ListCsvTest {
    record Row(long id, String name, int count) {
    }

    record View(long id, String name, BigDecimal count, List<String> nested) {
    }

    private static final Sorts<Row> SORTS = Sorts.of(Map.of("count", Row::count));

    @Test
    void streamsEveryRowAcrossBatchesInTheSortOrder() throws IOException {
        List<Row> table = new ArrayList<>();
        for (long id = 1; id <= 1234; id++) {
            table.add(new Row(id, id % 7 == 0 ? "=cmd" : "row " + id, (int) (id % 10)));
        }
        List<Integer> batchSizes = new ArrayList<>();
        ListCsv csv = new ListCsv(new ObjectMapper(), Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"),
                ZoneOffset.UTC));
        Response answer = csv.list("rows", View.class, row -> new View(row.id(), row.name(),
                BigDecimal.valueOf(-row.count()), List.of()), SORTS, SORTS.order("-count", null),
                (order, limit) -> {
                    List<Row> batch = table.stream().sorted(Comparator.comparingInt(Row::count)
                            .thenComparingLong(Row::id).reversed())
                            .filter(row -> order.first() || row.count() < order.afterNumber()
                                    || (row.count() == order.afterNumber() && row.id() < order.afterId()))
                            .limit(limit).toList();
                    batchSizes.add(batch.size());
                    return batch;
                }, Row::id);
        assertThat(answer.getHeaderString("Content-Disposition"))
                .isEqualTo("attachment; filename=\"rows-2026-11-26.csv\"");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ((StreamingOutput) answer.getEntity()).write(out);
        List<String> lines = List.of(out.toString(StandardCharsets.UTF_8).split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("id,name,count");
        assertThat(lines).hasSize(1 + table.size());
        assertThat(batchSizes).containsExactly(500, 500, 234);
        assertThat(lines.get(1)).isEqualTo("1229,row 1229,-9");
        assertThat(lines.stream().skip(1).map(line -> line.split(",")[0]).distinct()).hasSize(table.size());
        assertThat(lines).contains("7,'=cmd,-7");
        assertThat(ListOrder.byId().first()).isTrue();
    }
}
