package org.spares.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.StringJoiner;
import org.spares.api.Requests;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;

/**
 * The finance page's parameters as typed (shown back in its form and carried to each section's address), with the
 * defaults filled in: the last 90 days, now, 180 days without an issue, the last twelve months, every depot in scope.
 * {@link #check} applies the API's rules to all of them, so the page and every section refuse the same input.
 */
public record ReportParameters(String from, String to, String asOf, String noIssueDays, String depot,
        String fromMonth, String toMonth) {
    private static final int MAX_MONTHS = 24;
    private static final int MAX_NO_ISSUE_DAYS = 36_500;

    static ReportParameters of(String from, String to, String asOf, String noIssueDays, String depot,
            String fromMonth, String toMonth, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        String code = Requests.depotCode(depot);
        return new ReportParameters(
                blank(from) ? today.minusDays(90).toString() : from.strip(),
                blank(to) ? today.toString() : to.strip(),
                blank(asOf) ? "" : asOf.strip(),
                blank(noIssueDays) ? "180" : noIssueDays.strip(),
                code == null ? "" : code,
                blank(fromMonth) ? YearMonth.from(today).minusMonths(11).toString() : fromMonth.strip(),
                blank(toMonth) ? YearMonth.from(today).toString() : toMonth.strip());
    }

    /** 400 with the API's message for the first parameter the API would refuse. */
    void check(Instant now) {
        period(now);
        asOf(now);
        days();
        firstMonth();
    }

    /** [from, min(to, now)), as the API's reports take it. */
    Instant[] period(Instant now) {
        return Requests.period(from, to, now);
    }

    Instant asOf(Instant now) {
        return Requests.asOf(asOf, now);
    }

    int days() {
        return noIssueDays(noIssueDays);
    }

    /** The depot filter, null for every depot in the caller's scope. */
    String depotFilter() {
        return depot.isEmpty() ? null : depot;
    }

    /** The start of fromMonth (UTC). */
    Instant firstMonth() {
        YearMonth first = month("fromMonth", fromMonth);
        YearMonth last = month("toMonth", toMonth);
        if (last.isBefore(first)) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "toMonth must not be before fromMonth",
                    Map.of("field", "toMonth"));
        }
        if (first.plusMonths(MAX_MONTHS - 1).isBefore(last)) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "at most " + MAX_MONTHS + " months at once",
                    Map.of("field", "toMonth"));
        }
        return first.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The end of toMonth (the start of the month after it, UTC). */
    Instant afterLastMonth() {
        return month("toMonth", toMonth).plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The parameters as a query string, for the sections' addresses and the links between them. */
    public String getQuery() {
        return query("from", from, "to", to, "asOf", asOf, "noIssueDays", noIssueDays, "depot", depot,
                "fromMonth", fromMonth, "toMonth", toMonth);
    }

    /** name=value pairs as a query string, URL-encoded, empty values left out. */
    static String query(String... pairs) {
        StringJoiner query = new StringJoiner("&");
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null && !pairs[i + 1].isEmpty()) {
                query.add(pairs[i] + "=" + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
            }
        }
        return query.toString();
    }

    static int noIssueDays(String value) {
        int days;
        try {
            days = Integer.parseInt(value.strip());
        } catch (NumberFormatException notNumber) {
            days = -1;
        }
        if (days < 1 || days > MAX_NO_ISSUE_DAYS) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "noIssueDays must be between 1 and "
                    + MAX_NO_ISSUE_DAYS, Map.of("field", "noIssueDays"));
        }
        return days;
    }

    private static YearMonth month(String field, String value) {
        try {
            YearMonth month = YearMonth.parse(value);
            Requests.instant(field, month.atDay(1).toString());
            return month;
        } catch (DateTimeParseException malformed) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, field + " must be a month (YYYY-MM)",
                    Map.of("field", field));
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
