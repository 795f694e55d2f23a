package org.spares.report;

import java.math.BigDecimal;
import java.util.List;
import org.spares.domain.Money;

/** One valuation row's sums: units and value on hand, units and value in transit to the row's depots. */
public final class Valuation {
    public static final List<String> COLUMNS = List.of("key", "units", "value", "inTransitUnits", "inTransitValue");

    private final String key;
    private long units;
    private BigDecimal value = BigDecimal.ZERO;
    private long inTransitUnits;
    private BigDecimal inTransitValue = BigDecimal.ZERO;

    public Valuation(String key) {
        this.key = key;
    }

    /** Units valued at the part's average at the instant; exact (an integer times a 4-decimal average). */
    public void addOnHand(long count, BigDecimal average) {
        units += count;
        value = value.add(average.multiply(BigDecimal.valueOf(count)));
    }

    public void addInTransit(long count, BigDecimal average) {
        inTransitUnits += count;
        inTransitValue = inTransitValue.add(average.multiply(BigDecimal.valueOf(count)));
    }

    public void add(Valuation other) {
        units += other.units;
        value = value.add(other.value);
        inTransitUnits += other.inTransitUnits;
        inTransitValue = inTransitValue.add(other.inTransitValue);
    }

    public List<Object> cells() {
        return List.of(key, units, Money.display(value), inTransitUnits, Money.display(inTransitValue));
    }
}
