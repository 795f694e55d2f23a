package org.spares.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.spares.config.SparesConfiguration;
import org.spares.domain.Role;
import org.spares.support.ApiClient;
import org.spares.support.Browser;
import org.spares.support.Fixtures;
import org.spares.support.TestApp;

/**
 * A depot manager's morning in Chromium: the dashboard, the stock table searched and filtered, a receipt and a
 * policy change through the position's forms, each checked through the API; another depot's page refused.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ManagerBrowserTest {
    private static final TestApp APP = TestApp.create();
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();

    @Test
    void aManagerReceivesStockAndSetsAPolicy() {
        ApiClient admin = APP.admin();
        Fixtures.depot(admin, "NYC");
        Fixtures.depot(admin, "BOS");
        String[][] catalogue = {{"VALVE-1", "Relief valve"}, {"PUMP-2", "Coolant pump"}, {"FAN-3", "Cooling fan"},
            {"BELT-4", "Drive belt"}, {"FUSE-5", "Fuse 10 A"}};
        for (String[] part : catalogue) {
            admin.post("/api/v1/parts", Map.of("sku", part[0], "name", part[1], "category", "spares",
                    "unitCost", 25, "leadTimeDays", 5));
            Fixtures.receive(admin, "NYC", part[0], 4, 25);
        }
        ApiClient api = APP.client(APP.person("max", Role.MANAGER, "NYC"));
        api.put("/api/v1/depots/NYC/stock/VALVE-1/policy", Map.of("targetLevel", 8, "reorderPoint", 4,
                "reason", "opening"));
        long order = Fixtures.repairOrder(api, "NYC", "HIGH");
        api.post("/api/v1/repair-orders/" + order + "/reservations", Map.of("sku", "FAN-3", "quantity", 6,
                "allowBackorder", true));

        try (Browser browser = Browser.desktop(APP.baseUrl())) {
            browser.signIn("max", TestApp.PASSWORD);
            assertThat(browser.driver().getCurrentUrl()).endsWith("/ui/depots/NYC");
            assertThat(browser.find("#due").getText()).contains("VALVE-1");
            assertThat(browser.find("#backorders").getText()).contains("#" + order, "FAN-3");
            browser.screenshot("manager-dashboard");

            browser.open("/ui/depots/NYC/stock");
            browser.find("input[name=q]").sendKeys("pump");
            browser.awaitNoText("#stock-table", "VALVE-1");
            assertThat(browser.find("#stock-table").getText()).contains("PUMP-2");
            assertThat(browser.driver().getCurrentUrl()).as("the search is in the address").contains("q=pump");
            browser.find("#stock-table a[href='/ui/depots/NYC/stock/PUMP-2']").click();
            browser.await("#panel .position-panel");
            browser.find("#panel form[hx-post$='/movements'] input[name=quantity]").sendKeys("6");
            browser.find("#panel form[hx-post$='/movements'] input[name=unitCost]").sendKeys("24.50");
            browser.find("#panel form[hx-post$='/movements'] button").click();
            browser.awaitText("#panel", "receipt of 6 posted: 10 on hand");
            assertThat(Fixtures.onHand(api, "NYC", "PUMP-2")).isEqualTo(10);

            browser.find("#panel form[hx-post$='/policy'] input[name=targetLevel]").clear();
            browser.find("#panel form[hx-post$='/policy'] input[name=targetLevel]").sendKeys("12");
            browser.find("#panel form[hx-post$='/policy'] input[name=reorderPoint]").clear();
            browser.find("#panel form[hx-post$='/policy'] input[name=reorderPoint]").sendKeys("5");
            browser.find("#panel form[hx-post$='/policy'] input[name=reason]").sendKeys("new contract");
            browser.find("#panel form[hx-post$='/policy'] button").click();
            browser.awaitText("#panel", "Policy set: order up to 12, reorder at 5");
            assertThat(api.get("/api/v1/depots/NYC/stock/PUMP-2").json().get("targetLevel").asInt()).isEqualTo(12);
            browser.screenshot("manager-stock");

            browser.open("/ui/depots/BOS");
            assertThat(browser.driver().findElement(By.cssSelector("section.problem")).getText())
                    .contains("Not allowed", "outside your depots");
            browser.open("/ui/depots/NYC");
            browser.signOut();
        }
    }
}
