package org.spares.optimize;

/** A given stock level S of one position, for evaluating (or simulating) a plan that was not solved here. */
public record StockLevelInput(String depot, String sku, Integer stockLevel) {
}
