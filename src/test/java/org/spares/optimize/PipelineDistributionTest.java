package org.spares.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


class PipelineDistributionTest {

    @ParameterizedTest
    @ValueSource(strings = {"formula-poisson.json", "formula-negbin.json"})
    void everyRowMeetsTheStatedTolerance(String file) {
        JsonNode vector = VectorFiles.read(file);
        assertThat(vector.get("tolerance").asText()).isEqualTo("relative 1e-9 (absolute 1e-15 below 1e-6)");
        List<String> failures = new ArrayList<>();
        for (JsonNode row : vector.get("rows")) {
            double mean = row.get("pipelineMean").asDouble();
            int stockLevel = row.get("stockLevel").asInt();
            PipelineDistribution distribution = PipelineDistribution.of(mean, row.get("varianceToMean").asDouble());
            check(failures, row, "expectedBackorders", distribution.expectedBackorders(stockLevel));
            check(failures, row, "fillRate", distribution.fillRate(stockLevel));
            check(failures, row, "expectedOnHand", distribution.expectedOnHand(stockLevel));
            check(failures, row, "probPipelineExceedsS", distribution.survival(stockLevel));
        }
        assertThat(failures).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"formula-poisson.json", "formula-negbin.json"})
    void streamedSurvivalMatchesTheDirectOne(String file) {
        List<String> failures = new ArrayList<>();
        for (JsonNode row : VectorFiles.read(file).get("rows")) {
            int stockLevel = row.get("stockLevel").asInt();
            PipelineDistribution distribution = PipelineDistribution.of(
                    row.get("pipelineMean").asDouble(), row.get("varianceToMean").asDouble());
            double[] sequence = distribution.survivalSequence(stockLevel + 3);
            check(failures, row, "probPipelineExceedsS", sequence[stockLevel]);
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void largeMeansStayFiniteInBothTails() {
        PipelineDistribution distribution = PipelineDistribution.of(20_000.0, 1.0);
        assertThat(distribution.survival(19_000)).isLessThanOrEqualTo(1.0).isGreaterThan(0.99);
        assertThat(distribution.survival(21_500)).isPositive().isLessThan(1e-20);
        assertThat(distribution.fillRate(18_500)).isPositive().isLessThan(1e-20);
        assertThat(distribution.expectedBackorders(20_000)).isBetween(50.0, 60.0);
    }

    static boolean close(double expected, double actual) {
        double difference = Math.abs(expected - actual);
        if (Math.abs(expected) < 1e-6) {
            return difference <= 1e-15 || difference <= 1e-9 * Math.abs(expected);
        }
        return difference <= 1e-9 * Math.abs(expected);
    }

    private static void check(List<String> failures, JsonNode row, String field, double actual) {
        double expected = row.get(field).asDouble();
        if (!close(expected, actual)) {
            failures.add(field + " expected " + expected + " got " + actual + " in " + row);
        }
    }
}
