package org.spares.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.spares.api.dto.PartDtos.NewPart;
import org.spares.api.dto.PartDtos.RowError;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;

/**
 * The parts CSV import's file: UTF-8, an optional byte order mark (spreadsheets write one), the header's names in
 * any case and order. Every row is checked before any is written ({@code PartService.importAll} then
 * writes them in one transaction, whole or not at all). Each bad row is named by its line (the header is line 1).
 */
public final class PartCsv {
    static final List<String> HEADER = List.of("sku", "name", "category", "unitCost", "holdingRate", "leadTimeDays");
    private static final int MAX_ROWS = 20_000;
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final Validator validator;

    public PartCsv(Validator validator) {
        this.validator = validator;
    }

    /** Parses and checks the file; throws 422 VALIDATION_FAILED naming every bad row. */
    public List<NewPart> parse(String csv) {
        List<RowError> errors = new ArrayList<>();
        List<NewPart> rows = new ArrayList<>();
        Map<String, Integer> lineOfSku = new HashMap<>();
        String text = csv.startsWith(BYTE_ORDER_MARK) ? csv.substring(1) : csv;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreHeaderCase(true).setIgnoreEmptyLines(true).setTrim(true).get()
                .parse(new StringReader(text))) {
            checkHeader(parser.getHeaderNames());
            for (CSVRecord record : parser) {
                int line = (int) record.getRecordNumber() + 1;
                if (rows.size() + errors.size() >= MAX_ROWS) {
                    throw new DomainException(ErrorCode.VALIDATION_FAILED, "at most " + MAX_ROWS + " rows per import",
                            Map.of("field", "body"));
                }
                NewPart part = toPart(record, line, errors);
                if (part == null) {
                    continue;
                }
                // Skus are unique whatever their case (docs/REFERENCE.md "Text and case"): "p-1" and "P-1" are one part.
                Integer earlier = lineOfSku.putIfAbsent(part.sku().toLowerCase(Locale.ROOT), line);
                if (earlier != null) {
                    errors.add(new RowError(line, "sku", "duplicate of line " + earlier));
                    continue;
                }
                rows.add(part);
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException malformed) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "the body is not readable CSV",
                    Map.of("field", "body"));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(RowError::line));
            throw new DomainException(ErrorCode.VALIDATION_FAILED, 422, errors.size() + " bad rows; nothing imported",
                    Map.of("rows", errors));
        }
        if (rows.isEmpty()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "the file has no rows", Map.of("field", "body"));
        }
        return rows;
    }

    private static void checkHeader(List<String> header) {
        Set<String> names = header.stream().map(name -> name.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        Set<String> expected = HEADER.stream().map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        if (!names.equals(expected) || header.size() != HEADER.size()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "the header row must be " + String.join(",", HEADER),
                    Map.of("field", "header", "expected", HEADER, "line", 1));
        }
    }

    private NewPart toPart(CSVRecord record, int line, List<RowError> errors) {
        if (record.size() != HEADER.size()) {
            errors.add(new RowError(line, "row", "expected " + HEADER.size() + " columns, found " + record.size()));
            return null;
        }
        int before = errors.size();
        BigDecimal unitCost = decimal(record, "unitCost", line, errors, true);
        BigDecimal holdingRate = decimal(record, "holdingRate", line, errors, false);
        Integer leadTime = integer(record, "leadTimeDays", line, errors);
        if (errors.size() > before) {
            return null;
        }
        NewPart part = new NewPart(record.get("sku"), record.get("name"), record.get("category"), unitCost,
                holdingRate, leadTime);
        Set<ConstraintViolation<NewPart>> violations = validator.validate(part);
        violations.stream()
                .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                .forEach(violation -> errors.add(new RowError(line, violation.getPropertyPath().toString(),
                        violation.getMessage())));
        return violations.isEmpty() ? part : null;
    }

    private static BigDecimal decimal(CSVRecord record, String field, int line, List<RowError> errors,
            boolean required) {
        String text = record.get(field);
        if (text.isEmpty()) {
            if (required) {
                errors.add(new RowError(line, field, "must not be empty"));
            }
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            errors.add(new RowError(line, field, "is not a number"));
            return null;
        }
    }

    private static Integer integer(CSVRecord record, String field, int line, List<RowError> errors) {
        String text = record.get(field);
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException notANumber) {
            errors.add(new RowError(line, field, text.isEmpty() ? "must not be empty" : "is not a whole number"));
            return null;
        }
    }
}
