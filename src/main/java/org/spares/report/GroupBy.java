package org.spares.report;

import java.util.Locale;
import java.util.Map;
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
        if (value == null || value.isBlank()) {
            return DEPOT;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "groupBy must be depot, part or category",
                    Map.of("field", "groupBy"));
        }
    }
}
