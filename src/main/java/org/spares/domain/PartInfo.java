package org.spares.domain;

import java.math.BigDecimal;

/** What a report needs of a part: its row keys and its yearly holding rate (the current one; no history is kept). */
public record PartInfo(long id, String sku, String category, BigDecimal holdingRate) {
}
