package org.spares.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import org.junit.jupiter.api.Test;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;


/**
 * The optimizer keeps the time limit it is given (a configured 20 s used to run on for as long as the model took):
 * a frontier cut short is not the frontier, and a solve with no plan yet has nothing to answer, so both are
 * refused with 503 UNAVAILABLE naming the limit; a solve that has a plan answers it with its honest gap.
 */
class TimeLimitTest {

    @Test
    void aFrontierPastItsTimeLimitIs503NamingTheLimit() {
        OptimizeRequest model = RealisticModels.generate(10, 1000, 365, 5L);
        FrontierRequest request = new FrontierRequest(model.parts(), model.depots(), model.demand(), null, null,
                null, null, 200);
        DomainException refused = catchThrowableOfType(DomainException.class, () -> Optimizer.frontier(request,
                new SolverLimits(1, () -> false), ProgressListener.NONE));
        assertThat(refused).isNotNull();
        assertThat(refused.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(refused.getMessage()).contains("1 ms");
    }

    @Test
    void aSolveWithNoPlanByItsTimeLimitIs503NamingTheLimit() {
        OptimizeRequest request = RealisticModels.generate(10, 1000, 365, 5L);
        DomainException refused = catchThrowableOfType(DomainException.class, () -> Optimizer.solve(request,
                new SolverLimits(1, () -> false), ProgressListener.NONE));
        assertThat(refused).isNotNull();
        assertThat(refused.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(refused.details()).containsEntry("timeLimitMillis", 1L);
    }

    @Test
    void withinItsTimeLimitTheFrontierIsAnswered() {
        OptimizeRequest model = RealisticModels.generate(2, 100, 365, 5L);
        FrontierRequest request = new FrontierRequest(model.parts(), model.depots(), model.demand(), null, null,
                null, null, 12);
        FrontierAnswer answer = Optimizer.frontier(request, SolverLimits.defaults(), ProgressListener.NONE);
        assertThat(answer.points()).hasSizeGreaterThanOrEqualTo(2);
    }
}
