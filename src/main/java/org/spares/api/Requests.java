package org.spares.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.spares.api.filters.RequestIdFilter;
import org.spares.domain.Actor;
import org.spares.domain.Caller;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;
import org.spares.domain.SupportedTime;

/** Small helpers every resource uses to read a request the same way. */
public final class Requests {
    private Requests() {
    }

    /** A LIKE pattern matching text that contains the query literally (its % and _ escaped); null for none. */
    public static String containing(String query) {
        if (query == null || query.isBlank()) {
            return null;
        }
        String literal = query.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + literal + "%";
    }

    /**
     * A report's period: [from, min(to, now)); from is required, to defaults to now; 400 naming {@code from} when
     * the period is empty.
     */
    public static Instant[] period(String from, String to, Instant now) {
        Instant start = instant("from", from);
        if (start == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "from is required", Map.of("field", "from"));
        }
        Instant requestedEnd = instant("to", to);
        Instant end = requestedEnd == null || requestedEnd.isAfter(now) ? now : requestedEnd;
        if (!start.isBefore(end)) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED,
                    "the period [from, min(to, now)) is empty: from must be before to and before now",
                    Map.of("field", "from"));
        }
        return new Instant[] {start, end};
    }

    /** A report's instant: the one asked for, or now when none is given or it lies ahead. */
    public static Instant asOf(String asOf, Instant now) {
        Instant requested = instant("asOf", asOf);
        return requested == null || requested.isAfter(now) ? now : requested;
    }

    /** The caller as the author of a change, with this request's id. */
    public static Actor actor(Caller caller) {
        return new Actor(caller.id(), caller.name(), RequestIdFilter.current());
    }

    /**
     * An instant ({@code 2026-11-22T14:05:00Z}) or a date ({@code 2026-11-22}, meaning 00:00 UTC) within
     * {@link SupportedTime}; null stays null. A signed or five-digit year ({@code -2027-01-01T00:00:00Z}) parses
     * in Java but is 400 here, before it could reach a database that would read it as some other year.
     */
    public static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException malformed) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED,
                    field + " must be an ISO-8601 instant or a date (YYYY-MM-DD)", Map.of("field", field));
        }
        if (!SupportedTime.contains(instant)) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, field + " must be between "
                    + SupportedTime.EARLIEST + " and " + SupportedTime.LATEST, Map.of("field", field,
                    "earliest", SupportedTime.EARLIEST.toString(), "latest", SupportedTime.LATEST.toString()));
        }
        return instant;
    }

    /** A filter's enum value, in any case; null stays null. */
    public static <E extends Enum<E>> E enumValue(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            // Filters ignore case like the text they compare (docs/REFERENCE.md "Text and case"); the names are upper case.
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, field + " is not one of "
                    + List.of(type.getEnumConstants()), Map.of("field", field));
        }
    }

    /**
     * A list's depot filter, checked against the caller's depots first: 403 for a depot outside them comes before
     * any 400 for the list's other filters, which would otherwise be read for a depot the caller cannot see.
     */
    public static String depotFilter(Caller caller, String value) {
        String code = depotCode(value);
        if (code != null) {
            caller.requireDepot(code);
        }
        return code;
    }

    /** A depot filter; codes are upper case (docs/REFERENCE.md "Text and case"), so a code in any case names the same depot. */
    public static String depotCode(String value) {
        String code = blankToNull(value);
        return code == null ? null : code.toUpperCase(Locale.ROOT);
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
