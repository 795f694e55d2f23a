package org.spares.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import org.spares.demo.DemoCatalogue.DepotSpec;
import org.spares.demo.DemoCatalogue.PartSpec;
import org.spares.domain.Caller;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;
import org.spares.domain.Role;
import org.spares.jobs.ReservationExpiryJob;
import org.spares.service.DepotService;
import org.spares.service.Idempotency;
import org.spares.service.PartService;
import org.spares.service.Services;
import org.spares.service.StoreContents;
import org.spares.service.UserService.CreatedUser;
import org.spares.service.UserService.NewUser;

/**
 * Fills an empty database with a demo history made through the services the API uses, on a simulated clock that
 * walks from {@code end - days} to {@code end}: depots, parts, starting policy and stock, then every day repair
 * orders, reservations, issues, backorders, replenishment receipts and transfers. The acting user is an ADMIN
 * named "seed-demo". Everything random comes from the seed, so a seed gives the same history relative to its end.
 */
public final class DemoSeeder {
    public static final String ACTOR = "seed-demo";

    private final Function<Clock, Services> services;
    private final StoreContents contents;

    /** @param services the services on a given clock, as the server builds them on the real one */
    public DemoSeeder(Function<Clock, Services> services, StoreContents contents) {
        this.services = services;
        this.contents = contents;
    }

    /** @throws DomainException CONFLICT when the database already holds depots, parts or repair orders */
    public DemoCounts seed(DemoSettings settings, Consumer<String> progress) {
        requireEmpty();
        SimulatedClock clock = new SimulatedClock(settings.start());
        Services services = this.services.apply(clock);
        SplittableRandom random = new SplittableRandom(settings.seed());
        DemoCatalogue catalogue = DemoCatalogue.draw(settings, random);
        DemoWorld world = new DemoWorld(services, clock, random, createActor(services), settings.start(),
                settings.end());
        createCatalogue(world, catalogue);
        DemoStock stock = new DemoStock(world, catalogue);
        stock.startingStock();
        DemoRepairs repairs = new DemoRepairs(world, catalogue, stock, new ReservationExpiryJob(services.reservations()));
        int reported = 0;
        for (int day = 0; day < settings.days(); day++) {
            Instant dayStart = settings.start().plusSeconds(86_400L * day);
            DayOfWeek weekday = dayStart.atZone(ZoneOffset.UTC).getDayOfWeek();
            world.at(dayStart.plusSeconds(6 * 3600), stock::review);
            world.at(dayStart.plusSeconds(7 * 3600), repairs::morning);
            repairs.scheduleDay(dayStart, weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY);
            world.runUntil(dayStart.plusSeconds(86_400));
            int percent = (day + 1) * 100 / settings.days();
            if (percent / 10 > reported / 10 || day + 1 == settings.days()) {
                reported = percent;
                progress.accept(String.format("seed-demo: day %d/%d (%d%%): %s", day + 1, settings.days(), percent,
                        world.counts));
            }
        }
        return world.counts;
    }

    private void requireEmpty() {
        Map<String, Object> found = contents.counts();
        boolean empty = found.values().stream().allMatch(count -> ((Number) count).longValue() == 0);
        if (!empty) {
            throw new DomainException(ErrorCode.CONFLICT, "seed-demo fills an empty database only, and this one"
                    + " already has " + found + "; point SPARES_DB_URL at a new database", found);
        }
    }

    private static Caller createActor(Services services) {
        CreatedUser user = services.users().createByOperator(new NewUser(ACTOR, Role.ADMIN, List.of()));
        return new Caller(user.id(), ACTOR, Role.ADMIN, Set.of());
    }

    private static void createCatalogue(DemoWorld world, DemoCatalogue catalogue) {
        for (DepotSpec depot : catalogue.depots()) {
            world.services.depots().create(new DepotService.Fields(depot.code(), depot.name(),
                    depot.targetTurnaroundHours(), depot.meanRepairHours(), depot.minFillRate()), Idempotency.none());
        }
        for (PartSpec part : catalogue.parts()) {
            world.services.parts().create(new PartService.Fields(part.sku(), part.name(), part.category(),
                    part.unitCost(), part.holdingRate(), part.leadTimeDays()), Idempotency.none());
        }
    }
}
