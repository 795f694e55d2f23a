package org.spares.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.dropwizard.jackson.Jackson;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;


/**
 * The API's mapper is Dropwizard's, configured after it was built, so its strictness is set without Jackson's
 * builder; these pin that each setting took hold on such a mapper.
 */
class StrictJsonTest {
    record Line(int quantity, BigDecimal price) {
    }

    private final ObjectMapper mapper = SparesApplication.configureJson(Jackson.newObjectMapper());

    @Test
    void textIsNotCoercedToANumber() {
        assertThatThrownBy(() -> mapper.readValue("{\"quantity\": \"5\", \"price\": 1}", Line.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void aFractionIsNotAnInteger() {
        assertThatThrownBy(() -> mapper.readValue("{\"quantity\": 1.5, \"price\": 1}", Line.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void unknownFieldsAndNullPrimitivesAreRefused() {
        assertThatThrownBy(() -> mapper.readValue("{\"quantity\": 1, \"price\": 1, \"colour\": 2}", Line.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"quantity\": null, \"price\": 1}", Line.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void wellFormedInputIsRead() throws Exception {
        assertThat(mapper.readValue("{\"quantity\": 5, \"price\": 1.10}", Line.class))
                .isEqualTo(new Line(5, new BigDecimal("1.10")));
    }
}
