package org.spares.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Streams a report as CSV (RFC 4180, CRLF): a header row of the column names, one line per row, the total line
 * last. The report's own fields (period, asOf) are not repeated in the CSV: the caller asked with them. Every
 * cell goes through {@link CsvCell}, so text that a spreadsheet would run as a formula arrives as text.
 */
public final class CsvReportWriter implements ReportWriter {
    private final Writer writer;
    private CSVPrinter csv;

    public CsvReportWriter(OutputStream out) {
        this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    @Override
    public void start(Map<String, Object> header, List<String> columns) {
        try {
            csv = new CSVPrinter(writer, CSVFormat.RFC4180);
            csv.printRecord(columns);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    @Override
    public void row(List<Object> cells) {
        print(cells);
    }

    @Override
    public void total(List<Object> cells) {
        print(cells);
    }

    @Override
    public void finish() {
        try {
            csv.flush();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private void print(List<Object> cells) {
        List<String> texts = new ArrayList<>(cells.size());
        for (Object cell : cells) {
            texts.add(CsvCell.text(cell));
        }
        try {
            csv.printRecord(texts);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
