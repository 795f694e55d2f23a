package org.spares.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spares.config.SparesConfiguration;
import org.spares.domain.Role;
import org.spares.support.ApiClient;
import org.spares.support.Browser;
import org.spares.support.Fixtures;
import org.spares.support.TestApp;

/**
 * A technician's day on a 390 px phone, in Chromium: sign in, open a repair order, find a part and reserve it in a
 * few taps, meet a short part and backorder it, issue, complete, sign out; the API agrees with every step, and no
 * page is wider than the phone.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class TechnicianBrowserTest {
    private static final TestApp APP = TestApp.create();
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();

    private static void fitsThePhone(Browser browser) {
        Number width = (Number) browser.driver().executeScript("return document.documentElement.scrollWidth");
        assertThat(width.intValue()).as(browser.driver().getCurrentUrl()).isLessThanOrEqualTo(390);
    }

    @Test
    void aTechnicianRepairsOnAPhone() {
        ApiClient admin = APP.admin();
        Fixtures.depot(admin, "NYC");
        admin.post("/api/v1/parts", Map.of("sku", "PUMP-1", "name", "Coolant pump", "category", "pumps",
                "unitCost", 40, "leadTimeDays", 5));
        admin.post("/api/v1/parts", Map.of("sku", "FAN-2", "name", "Cooling fan", "category", "fans",
                "unitCost", 12, "leadTimeDays", 5));
        Fixtures.receive(admin, "NYC", "PUMP-1", 3, 40);
        Fixtures.repairOrder(admin, "NYC", "HIGH");
        ApiClient api = APP.client(APP.person("pia", Role.TECHNICIAN, "NYC"));

        try (Browser phone = Browser.phone(APP.baseUrl())) {
            phone.signIn("pia", TestApp.PASSWORD);
            assertThat(phone.driver().getCurrentUrl()).endsWith("/ui/repair-orders?depot=NYC");
            fitsThePhone(phone);
            phone.find("details.new-order summary").click();
            phone.find("input[name=assetTag]").sendKeys("LIFT-7");
            phone.screenshot("technician-orders");
            phone.find("details.new-order button[type=submit]").click();
            phone.await("#order");
            assertThat(phone.driver().getCurrentUrl()).matches(".*/ui/repair-orders/\\d+");
            long order = Long.parseLong(phone.driver().getCurrentUrl().replaceAll(".*/", ""));
            fitsThePhone(phone);

            phone.find("input[name=q]").sendKeys("coolant");
            phone.await("#matches .match");
            assertThat(phone.find("#matches").getText()).contains("PUMP-1", "3 free at NYC");
            phone.find("#matches .reserve-form button").click();
            phone.awaitText("#order", "1 x PUMP-1 reserved");
            phone.screenshot("technician-order");
            fitsThePhone(phone);

            phone.find("input[name=q]").sendKeys("\b\b\b\b\b\b\bfan");
            phone.awaitText("#matches", "FAN-2");
            phone.find("#matches .reserve-form button").click();
            phone.awaitText("#matches", "only 0 of FAN-2 available at NYC");
            phone.screenshot("technician-short-part");
            fitsThePhone(phone);
            phone.find("#short button").click();
            phone.awaitText("#order", "backordered");

            phone.find("#order li.reservation[data-status=HELD] button").click();
            phone.awaitText("#order", "1 x PUMP-1 issued");
            JsonNode reservations = api.get("/api/v1/reservations?repairOrderId=" + order).json().get("items");
            assertThat(reservations).extracting(item -> item.get("sku").asText() + ":" + item.get("status").asText())
                    .containsExactlyInAnyOrder("PUMP-1:ISSUED", "FAN-2:BACKORDERED");
            assertThat(Fixtures.onHand(api, "NYC", "PUMP-1")).isEqualTo(2);

            phone.find("#order li.reservation[data-status=BACKORDERED] button.secondary").click();
            phone.awaitText("#order", "4 x FAN-2 released".replace("4", "1"));
            phone.find("#order button.complete").click();
            phone.awaitText("#order", "Repair order completed");
            assertThat(api.get("/api/v1/repair-orders/" + order).json().get("status").asText())
                    .isEqualTo("COMPLETED");
            phone.signOut();
            phone.open("/ui/repair-orders/" + order);
            assertThat(phone.driver().getCurrentUrl()).contains("/ui/login");
        }
    }
}
