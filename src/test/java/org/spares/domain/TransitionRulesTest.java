package org.spares.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.junit.jupiter.api.Test;
import org.spares.db.OptimizationDao;
import org.spares.db.RepairOrderDao;
import org.spares.db.ReservationDao;
import org.spares.db.TransferDao;
import org.spares.support.TestDatabase;


/**
 * Every status move the services make, and every one written into a DAO's SQL, is one its enum allows; and the
 * enums allow no move that nothing makes. A move the rules refuse never reaches the database.
 */
class TransitionRulesTest {
    private static final Instant AT = Instant.parse("2026-01-05T08:00:00Z");

    /** The moves of the services, as they call the DAOs (ReservationService, BackorderFiller, ...). */
    private static final List<Transition<?>> USED = List.of(
            Transition.of(ReservationStatus.HELD, ReservationStatus.ISSUED),
            Transition.of(ReservationStatus.HELD, ReservationStatus.RELEASED),
            Transition.of(ReservationStatus.HELD, ReservationStatus.EXPIRED),
            Transition.of(ReservationStatus.BACKORDERED, ReservationStatus.HELD),
            Transition.of(ReservationStatus.BACKORDERED, ReservationStatus.RELEASED),
            Transition.of(TransferStatus.REQUESTED, TransferStatus.SHIPPED),
            Transition.of(TransferStatus.REQUESTED, TransferStatus.CANCELLED),
            Transition.of(TransferStatus.SHIPPED, TransferStatus.RECEIVED),
            Transition.of(RepairOrderStatus.OPEN, RepairOrderStatus.AWAITING_PARTS),
            Transition.of(RepairOrderStatus.AWAITING_PARTS, RepairOrderStatus.OPEN),
            Transition.of(RepairOrderStatus.OPEN, RepairOrderStatus.COMPLETED),
            Transition.of(RepairOrderStatus.OPEN, RepairOrderStatus.CANCELLED),
            Transition.of(RepairOrderStatus.AWAITING_PARTS, RepairOrderStatus.CANCELLED),
            Transition.of(OptimizationStatus.QUEUED, OptimizationStatus.FAILED),
            Transition.of(OptimizationStatus.RUNNING, OptimizationStatus.FAILED),
            Transition.of(OptimizationStatus.QUEUED, OptimizationStatus.CANCELLED),
            Transition.of(OptimizationStatus.RUNNING, OptimizationStatus.CANCELLED));

    /** `SET status = 'TO'` ... `WHERE ... status = 'FROM'` written into a DAO's SQL. */
    private static final Pattern LITERAL_MOVE =
            Pattern.compile("SET status = '(\\w+)'.*WHERE .*status = '(\\w+)'", Pattern.DOTALL);

    @Test
    void theEnumsAllowExactlyTheMovesTheServicesAndTheSqlMake() {
        Set<String> used = new HashSet<>();
        USED.forEach(move -> used.add(move.from() + ">" + move.to()));
        used.addAll(literalMoves(OptimizationDao.class, OptimizationStatus.class));
        used.addAll(literalMoves(ReservationDao.class, ReservationStatus.class));
        used.addAll(literalMoves(TransferDao.class, TransferStatus.class));
        used.addAll(literalMoves(RepairOrderDao.class, RepairOrderStatus.class));
        assertThat(used).contains("QUEUED>RUNNING", "RUNNING>SUCCEEDED");

        Set<String> allowed = new HashSet<>();
        allowed.addAll(allowed(ReservationStatus.class));
        allowed.addAll(allowed(TransferStatus.class));
        allowed.addAll(allowed(RepairOrderStatus.class));
        allowed.addAll(allowed(OptimizationStatus.class));
        assertThat(used).isEqualTo(allowed);
    }

    @Test
    void theStatusesAnEndingRunMayComeFromAreWhatItsRulesSay() {
        assertThat(OptimizationStatus.before(OptimizationStatus.CANCELLED))
                .containsExactly(OptimizationStatus.QUEUED, OptimizationStatus.RUNNING);
        assertThat(OptimizationStatus.before(OptimizationStatus.FAILED))
                .containsExactly(OptimizationStatus.QUEUED, OptimizationStatus.RUNNING);
    }

    @Test
    void anIllegalMoveCannotBeMadeAndNeverReachesTheDatabase() {
        assertThatThrownBy(() -> Transition.of(ReservationStatus.ISSUED, ReservationStatus.HELD))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("ISSUED cannot become HELD");
        assertThatThrownBy(() -> Transition.of(TransferStatus.RECEIVED, TransferStatus.SHIPPED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Transition.of(RepairOrderStatus.AWAITING_PARTS, RepairOrderStatus.COMPLETED))
                .isInstanceOf(IllegalArgumentException.class);

        Jdbi jdbi = TestDatabase.fresh().migratedJdbi();
        assertThatThrownBy(() -> jdbi.useExtension(ReservationDao.class, reservations ->
                reservations.move(1, Transition.of(ReservationStatus.EXPIRED, ReservationStatus.HELD), "held", AT)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> jdbi.useExtension(OptimizationDao.class, runs ->
                runs.end(1, OptimizationStatus.QUEUED, AT, null, null)))
                .isInstanceOf(IllegalArgumentException.class);
        // The DAOs' moves take a Transition, never a status name to write.
        for (Class<?> dao : List.of(ReservationDao.class, TransferDao.class, RepairOrderDao.class)) {
            for (Method method : dao.getMethods()) {
                if (method.getName().equals("move") || method.getName().equals("close")
                        || method.getName().equals("fill")) {
                    assertThat(method.getParameterTypes()).as(dao.getSimpleName() + "." + method.getName())
                            .contains(Transition.class);
                }
            }
        }
    }

    private static <S extends Enum<S> & Lifecycle<S>> Set<String> allowed(Class<S> type) {
        Set<String> allowed = new HashSet<>();
        for (S from : type.getEnumConstants()) {
            for (S to : type.getEnumConstants()) {
                if (from.canBecome(to)) {
                    allowed.add(from + ">" + to);
                }
            }
        }
        return allowed;
    }

    /** The moves written as literals into a DAO's SQL, each checked against its enum's rules. */
    private static <S extends Enum<S> & Lifecycle<S>> List<String> literalMoves(Class<?> dao, Class<S> type) {
        List<String> moves = new ArrayList<>();
        for (Method method : dao.getMethods()) {
            SqlUpdate update = method.getAnnotation(SqlUpdate.class);
            if (update == null) {
                continue;
            }
            Matcher literal = LITERAL_MOVE.matcher(update.value());
            if (literal.find()) {
                S to = Enum.valueOf(type, literal.group(1));
                S from = Enum.valueOf(type, literal.group(2));
                assertThat(from.canBecome(to)).as(dao.getSimpleName() + "." + method.getName()).isTrue();
                moves.add(from + ">" + to);
            }
        }
        return moves;
    }
}
