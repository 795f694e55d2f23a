package org.spares.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spares.config.SparesConfiguration;
import org.spares.domain.Role;
import org.spares.support.ApiClient;
import org.spares.support.Browser;
import org.spares.support.PageClient;
import org.spares.support.TestApp;

/**
 * Finance in Chromium: the reports page with its charts, a period changed through the form, the by-depot figure
 * the API gives for the same period, a CSV link that downloads the API's CSV, and sign-out.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class FinanceBrowserTest {
    private static final TestApp APP = TestApp.clocked();
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();

    @Test
    void financeReadsTheCarryingCostAndDownloadsItsCsv() {
        FinancePagesTest.seed(APP);
        APP.person("flo", Role.FINANCE);
        ApiClient api = APP.client(APP.token(Role.FINANCE));
        try (Browser browser = Browser.desktop(APP.baseUrl())) {
            browser.signIn("flo", TestApp.PASSWORD);
            assertThat(browser.driver().getCurrentUrl()).endsWith("/ui/reports");
            browser.await("#chart-monthly svg");
            browser.await("#turnaround-distribution-table");
            assertThat(browser.all("svg.chart")).hasSizeGreaterThanOrEqualTo(5);
            browser.find("input[name=from]").clear();
            browser.driver().executeScript("document.querySelector('input[name=from]').value = '2026-01-01';"
                    + "document.querySelector('input[name=to]').value = '2026-03-01';");
            browser.find("form.report-params button").click();
            browser.awaitText("#carrying-cost h2", "2026-01-01 to 2026-03-01");
            browser.await("#carrying-by-depot");
            assertThat(browser.driver().getCurrentUrl()).contains("from=2026-01-01", "to=2026-03-01");
            String nyc = api.get("/api/v1/reports/carrying-cost?from=2026-01-01&to=2026-03-01&groupBy=depot").json()
                    .get("rows").get(1).get("carryingCost").asText();
            assertThat(browser.find("#carrying-by-depot").getText()).contains("NYC", nyc);
            browser.screenshot("finance-carrying-cost");
            browser.driver().executeScript("document.getElementById('turnaround').scrollIntoView()");
            browser.screenshot("finance-turnaround");

            String csv = browser.find("#carrying-cost a.csv").getAttribute("href");
            PageClient pages = new PageClient(APP.baseUrl());
            pages.signIn("flo", TestApp.PASSWORD);
            HttpResponse<String> download = pages.get(csv.substring(csv.indexOf("/ui/")));
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
            assertThat(download.body()).isEqualTo(api.get("/api/v1/reports/carrying-cost?from=2026-01-01"
                    + "&to=2026-03-01&groupBy=depot&format=csv").body());
            browser.signOut();
        }
    }
}
