package org.spares.report;

import java.math.BigDecimal;

/**
 * One CSV cell as text that a spreadsheet opens as data, never as a formula (OWASP "CSV Injection"): a text cell
 * that begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a single quote in
 * front, which spreadsheets show as text and do not evaluate. Only text is neutralised: numbers (counts, money,
 * shares) are written as they are, so a negative figure stays a number in the sheet, and the computed ones cannot
 * carry a formula. Which cells are text is decided by the cell's Java type, not by how its text looks, so a sku
 * such as {@code -12} is still neutralised while the number -12 is not.
 */
public final class CsvCell {
    private CsvCell() {
    }

    public static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (cell instanceof Number number) {
            return number.toString();
        }
        return neutralised(cell.toString());
    }

    static String neutralised(String text) {
        if (text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
