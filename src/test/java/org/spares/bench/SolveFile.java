package org.spares.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import org.spares.optimize.OptimizeRequest;
import org.spares.optimize.Optimizer;
import org.spares.optimize.Plan;
import org.spares.optimize.SolverLimits;

/** Solves one vector file and prints the headline figures (a debugging aid for the benchmark). */
public final class SolveFile {
    private SolveFile() {
    }

    public static void main(String[] arguments) throws Exception {
        ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        JsonNode vector = mapper.readTree(new File(arguments[0]));
        OptimizeRequest request = mapper.treeToValue(vector.get("request"), OptimizeRequest.class);
        Plan plan = Optimizer.solve(request, SolverLimits.defaults(),
                (fraction, phase) -> System.err.printf("%.2f %s%n", fraction, phase));
        System.out.printf("status %s cost %.4f bound %.4f gap %.3g in %d ms; expected %s%n", plan.status(),
                plan.annualHoldingCost(), plan.lowerBound(), plan.gap(), plan.solveMillis(),
                vector.get("expected").toString());
    }
}
