package org.spares.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;

/**
 * The frontier keeps the time limit it is given: a frontier cut short is not the frontier, so it is refused with
 * 503 UNAVAILABLE naming the limit (a configured 20 s used to run on for as long as the model took).
 */
class FrontierTimeLimitTest {

    @Test
    void aFrontierPastItsTimeLimitIs503NamingTheLimit() {
        OptimizeRequest model = RealisticModels.generate(10, 1000, 365, 5L);
        FrontierRequest request = new FrontierRequest(model.parts(), model.depots(), model.demand(), null, null,
                null, null, 200);
        DomainException refused = catchThrowableOfType(() -> Optimizer.frontier(request,
                new SolverLimits(1, () -> false), ProgressListener.NONE), DomainException.class);
        assertThat(refused).isNotNull();
        assertThat(refused.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(refused.getMessage()).contains("1 ms");
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
