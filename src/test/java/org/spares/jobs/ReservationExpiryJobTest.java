package org.spares.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.spares.config.SparesConfiguration;
import org.spares.domain.Role;
import org.spares.service.Services;
import org.spares.support.ApiClient;
import org.spares.support.ClockedSparesApplication;
import org.spares.support.Fixtures;
import org.spares.support.TestApp;
import org.spares.support.TestServices;


/**
 * A reservation whose expiry throws (its position was made to hold fewer reserved units than it, so the
 * conditional update that frees them finds nothing) is logged with its id and skipped; every good reservation,
 * before and after it in id order and across several batches, still expires. The service's own schedule is an
 * hour, so only the passes this test runs touch the rows.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ReservationExpiryJobTest {
    private static final TestApp APP = TestApp.clocked(ConfigOverride.config("reservations.expiryInterval", "1h"));
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();

    @Test
    void aReservationWhoseExpiryFailsIsLoggedAndSkippedAndTheOthersExpire() {
        ApiClient admin = APP.admin();
        Fixtures.depot(admin, "NYC");
        Fixtures.part(admin, "GOOD", 5.0);
        Fixtures.part(admin, "POISON", 5.0);
        Fixtures.receive(admin, "NYC", "GOOD", 10, 5.0);
        Fixtures.receive(admin, "NYC", "POISON", 1, 5.0);
        ApiClient technician = APP.client(APP.token(Role.TECHNICIAN, "NYC"));
        long order = Fixtures.repairOrder(technician, "NYC", "NORMAL");
        List<Long> good = new ArrayList<>();
        good.add(reserve(technician, order, "GOOD"));
        long poisoned = reserve(technician, order, "POISON");
        for (int i = 0; i < 4; i++) {
            good.add(reserve(technician, order, "GOOD"));
        }
        APP.jdbi().useHandle(handle -> handle.execute("UPDATE positions SET reserved = 0 WHERE part_id = "
                + "(SELECT id FROM parts WHERE sku = 'POISON')"));
        ClockedSparesApplication.CLOCK.advance(Duration.ofHours(73));

        Logger logger = (Logger) LoggerFactory.getLogger(ReservationExpiryJob.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            ReservationExpiryJob job = job();
            assertThat(job.expireOverdue()).isEqualTo(good.size());
            good.forEach(id -> assertThat(status(technician, id)).as("reservation " + id).isEqualTo("EXPIRED"));
            assertThat(status(technician, poisoned)).isEqualTo("HELD");
            assertThat(warningsAbout(log, poisoned)).isEqualTo(1);

            assertThat(job.expireOverdue()).as("a later pass tries it again").isZero();
            assertThat(warningsAbout(log, poisoned)).isEqualTo(2);
        } finally {
            logger.detachAppender(log);
        }
        assertThat(Fixtures.onHand(technician, "NYC", "GOOD")).isEqualTo(10);
    }

    /** A batch of two: the poisoned row comes back at the head of every batch it is not skipped from. */
    private static ReservationExpiryJob job() {
        SparesConfiguration configuration = EXTENSION.getConfiguration();
        Services services = Services.build(TestServices.transactions(APP.jdbi()), ClockedSparesApplication.CLOCK,
                configuration.getSpares().getDefaultHoldingRate(),
                Duration.ofMillis(configuration.getReservations().getHoldTime().toMilliseconds()));
        return new ReservationExpiryJob(services.reservations(), 2);
    }

    private static long reserve(ApiClient technician, long order, String sku) {
        return technician.post("/api/v1/repair-orders/" + order + "/reservations", Map.of("sku", sku, "quantity", 1))
                .json().get("id").asLong();
    }

    private static String status(ApiClient technician, long reservation) {
        return technician.get("/api/v1/reservations/" + reservation).json().get("status").asText();
    }

    private static long warningsAbout(ListAppender<ILoggingEvent> log, long id) {
        return log.list.stream().filter(event -> event.getLevel() == Level.WARN)
                .filter(event -> event.getFormattedMessage().contains("reservation " + id + " "))
                .filter(event -> event.getThrowableProxy() != null)
                .count();
    }
}
