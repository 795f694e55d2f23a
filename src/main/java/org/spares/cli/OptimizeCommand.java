package org.spares.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.File;
import java.io.IOException;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.spares.domain.DomainException;
import org.spares.optimize.FrontierAnswer;
import org.spares.optimize.FrontierRequest;
import org.spares.optimize.OptimizeRequest;
import org.spares.optimize.Optimizer;
import org.spares.optimize.Plan;
import org.spares.optimize.ProgressListener;
import org.spares.optimize.SolverLimits;

/**
 * {@code optimize --model FILE.json [--frontier N]}: solves a request body (or a vector file holding one under
 * "request") and prints the plan or frontier as JSON on stdout; progress goes to stderr. Invalid or infeasible
 * models exit non-zero with the reason.
 */
public class OptimizeCommand extends Command {

    public OptimizeCommand() {
        super("optimize", "Solve a stock-level model from a JSON file and print the plan");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("--model").required(true).help("JSON file with the optimizer request");
        subparser.addArgument("--frontier").type(Integer.class).help("answer the frontier with N points instead");
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        ProgressListener progress = (fraction, phase) -> System.err.printf("progress %3.0f%% %s%n",
                100.0 * fraction, phase);
        try {
            var tree = mapper.readTree(new File(namespace.getString("model")));
            var body = tree.has("request") ? tree.get("request") : tree;
            Integer points = namespace.getInt("frontier");
            Object answer;
            if (points != null || body.has("points")) {
                FrontierRequest request = mapper.treeToValue(body, FrontierRequest.class);
                FrontierAnswer frontier = Optimizer.frontier(new FrontierRequest(request.parts(), request.depots(),
                        request.demand(), request.maxTotalBackorders(), request.costModel(), request.objective(),
                        request.annualBudget(), points == null ? request.points() : points),
                        SolverLimits.defaults(), progress);
                answer = frontier;
            } else {
                Plan plan = Optimizer.solve(mapper.treeToValue(body, org.spares.optimize.OptimizeRequest.class),
                        SolverLimits.defaults(), progress);
                answer = plan;
            }
            System.out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(answer));
        } catch (DomainException exception) {
            throw new CommandFailure(exception.code() + ": " + exception.getMessage() + " " + exception.details(),
                    exception);
        } catch (IOException exception) {
            throw new CommandFailure("cannot read model: " + exception.getMessage(), exception);
        }
    }
}
