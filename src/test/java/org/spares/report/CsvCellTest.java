package org.spares.report;

import static org.assertj.core.api.Assertions.assertThat;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;


/** OWASP's CSV injection rule for one cell: text that begins with a formula character is quoted; numbers are not. */
class CsvCellTest {
    @Test
    void textBeginningWithAFormulaCharacterGetsASingleQuote() {
        for (String text : new String[] {"=1+1", "+B2", "-A1", "@SUM(A1)", "\tx", "\rx"}) {
            assertThat(CsvCell.text(text)).isEqualTo("'" + text);
        }
    }

    @Test
    void otherTextIsUnchanged() {
        assertThat(CsvCell.text("VALVE")).isEqualTo("VALVE");
        assertThat(CsvCell.text("NYC/-A1")).isEqualTo("NYC/-A1");
        assertThat(CsvCell.text("")).isEmpty();
        assertThat(CsvCell.text(null)).isEmpty();
        assertThat(CsvCell.text(Instant.parse("2026-01-01T00:00:00Z"))).isEqualTo("2026-01-01T00:00:00Z");
    }

    @Test
    void negativeNumbersStayNumbers() {
        assertThat(CsvCell.text(new BigDecimal("-12.5000"))).isEqualTo("-12.5000");
        assertThat(CsvCell.text(new BigDecimal("-1E+3"))).isEqualTo("-1000");
        assertThat(CsvCell.text(-3L)).isEqualTo("-3");
        assertThat(CsvCell.text(-3)).isEqualTo("-3");
    }
}
