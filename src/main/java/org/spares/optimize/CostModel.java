package org.spares.optimize;






/** What the optimizer charges for stock: the whole target level, or only the expected units on the shelf. */
public enum CostModel {
    STOCK_LEVEL,
    EXPECTED_ON_HAND
}
