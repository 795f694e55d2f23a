package org.spares.config;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

/** forecast.bucket: whole days from 1 to 365, so a history cut into buckets never splits a day. */
class ForecastSettingsTest {
    private static final ObjectMapper YAML = Jackson.newObjectMapper(new YAMLFactory());
    private static final Validator VALIDATOR = Validators.newValidator();

    @Test
    void wholeDaysAreBuckets() throws Exception {
        assertThat(new ForecastSettings().bucketDays()).isEqualTo(7);
        assertThat(valid("bucket: 14 days").bucketDays()).isEqualTo(14);
        assertThat(valid("bucket: 1 day").bucketDays()).isEqualTo(1);
        assertThat(valid("bucket: 48 hours").bucketDays()).isEqualTo(2);
        assertThat(valid("bucket: 365 days").bucketDays()).isEqualTo(365);
    }

    @Test
    void anythingElseIsRefusedAtStart() throws Exception {
        for (String bucket : new String[] {"36 hours", "0 days", "366 days", "90 minutes"}) {
            ForecastSettings settings = YAML.readValue("bucket: " + bucket, ForecastSettings.class);
            assertThat(VALIDATOR.validate(settings)).as(bucket).singleElement()
                    .satisfies(violation -> assertThat(violation.getMessage()).contains("forecast.bucket"));
        }
    }

    private static ForecastSettings valid(String yaml) throws Exception {
        ForecastSettings settings = YAML.readValue(yaml, ForecastSettings.class);
        assertThat(VALIDATOR.validate(settings)).as(yaml).isEmpty();
        return settings;
    }
}
