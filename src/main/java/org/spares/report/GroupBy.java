package org.spares.report;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;
import org.spares.domain.PartInfo;

/** How a report groups positions into rows. */
public enum GroupBy {
    DEPOT,
    PART,
    CATEGORY;

    /** The row key of a position: the depot's code, the part's sku or the part's category. */
    public String key(String depotCode, PartInfo part) {
        return switch (this) {
            case DEPOT -> depotCode;
            case PART -> part.sku();
            case CATEGORY -> part.category();
        };
    }

    /** {@code depot} (the default), {@code part} or {@code category}; 400 otherwise. */
    public static GroupBy parse(String value) {
        return parse(value, "groupBy must be depot, part or category");
    }

    /**
     * For a report over a period, which may also be cut into calendar months: empty for {@code month}, else as
     * {@link #parse(String)}.
     */
    public static Optional<GroupBy> parseOverPeriod(String value) {
        if (value != null && value.strip().equalsIgnoreCase("month")) {
            return Optional.empty();
        }
        return Optional.of(parse(value, "groupBy must be depot, part, category or month"));
    }

    private static GroupBy parse(String value, String message) {
        if (value == null || value.isBlank()) {
            return DEPOT;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, message, Map.of("field", "groupBy"));
        }
    }
}
