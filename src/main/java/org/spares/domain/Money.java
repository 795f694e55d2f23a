package org.spares.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one place money is rounded. Amounts and unit costs are kept to 4 decimals (docs/REFERENCE.md "Stock rules"), rounded half-up once,
 * at the end of a computation.
 */
public final class Money {
    public static final int SCALE = 4;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    private Money() {
    }

    public static BigDecimal round(BigDecimal value) {
        return value.setScale(SCALE, ROUNDING);
    }

    /** A value for the JSON answer: rounded to 4 decimals, trailing zeros dropped (125.5, not 125.5000). */
    public static BigDecimal display(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = round(value).stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
