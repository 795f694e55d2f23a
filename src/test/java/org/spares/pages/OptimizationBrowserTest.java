package org.spares.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.spares.config.SparesConfiguration;
import org.spares.domain.Role;
import org.spares.support.ApiClient;
import org.spares.support.Browser;
import org.spares.support.TestApp;

/** A manager runs an optimization in a real browser: starts it, watches it, reads the result, applies all of it. */
@ExtendWith(DropwizardExtensionsSupport.class)
class OptimizationBrowserTest {
    private static final TestApp APP = OptimizationPagesTest.seeded(TestApp.create());
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();

    @Test
    void aManagerStartsARunSeesItsResultAndAppliesAll() {
        APP.person("manon", Role.MANAGER, "NYC", "BOS");
        ApiClient api = APP.client(APP.token(Role.MANAGER, "NYC", "BOS"));
        try (Browser browser = Browser.desktop(APP.baseUrl())) {
            browser.signIn("manon", TestApp.PASSWORD);
            browser.open("/ui/optimizations");
            browser.find("input[name=depot][value=NYC]").click();
            browser.find("input[name=depot][value=BOS]").click();
            browser.find("input[name=historyDays]").clear();
            browser.find("input[name=historyDays]").sendKeys(String.valueOf(OptimizationPagesTest.DAYS));
            browser.find("form[action='/ui/optimizations'] button[type=submit]").click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                    .until(ExpectedConditions.urlMatches("/ui/optimizations/\\d+$"));
            String url = browser.driver().getCurrentUrl();
            long id = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
            assertThat(browser.await("#optim-progress progress").isDisplayed()).isTrue();
            // The bar polls itself; once the run has ended the page reloads with the result and the chart.
            new WebDriverWait(browser.driver(), Duration.ofSeconds(120))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#frontier svg")));
            assertThat(browser.find(".optim-status").getText()).isEqualTo("SUCCEEDED");
            assertThat(browser.all("#frontier circle.marker")).hasSize(2);
            assertThat(browser.all(".optim-recommendations tbody tr")).isNotEmpty();
            browser.screenshot("optimization-run");

            browser.find("button[name=scope][value=all]").click();
            browser.await(".optim-applied");
            assertThat(browser.find(".optim-depots").getText()).contains("by manon").doesNotContain("not applied");

            JsonNode run = api.get("/api/v1/optimizations/" + id).json();
            run.get("summary").get("depots").forEach(depot -> assertThat(depot.get("appliedBy").asText())
                    .isEqualTo("manon"));
            JsonNode first = api.get("/api/v1/optimizations/" + id + "/recommendations?limit=1").json().get("items")
                    .get(0);
            JsonNode position = api.get("/api/v1/depots/" + first.get("depot").asText() + "/stock/"
                    + first.get("sku").asText()).json();
            assertThat(position.get("targetLevel").asInt()).isEqualTo(first.get("recommendedTargetLevel").asInt());

            browser.open("/ui/optimizations");
            assertThat(browser.find(".optim-runs").getText()).contains(String.valueOf(id), "SUCCEEDED", "BOS, NYC");
            browser.screenshot("optimization-list");
            browser.signOut();
            browser.open("/ui/optimizations");
            assertThat(browser.driver().getCurrentUrl()).contains("/ui/login?next=");
        }
    }
}
