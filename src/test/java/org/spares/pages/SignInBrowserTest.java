package org.spares.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spares.config.SparesConfiguration;
import org.spares.domain.Role;
import org.spares.support.Browser;
import org.spares.support.Fixtures;
import org.spares.support.TestApp;

/** Signing in and out in a real browser, at desktop and phone widths; the address bar shows where it led. */
@ExtendWith(DropwizardExtensionsSupport.class)
class SignInBrowserTest {
    private static final TestApp APP = TestApp.create();
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();

    @Test
    void anAdministratorSignsInSeesTheDepotsAndSignsOut() {
        Fixtures.depot(APP.admin(), "BR1");
        APP.person("bea", Role.ADMIN);
        try (Browser browser = Browser.desktop(APP.baseUrl())) {
            browser.open("/ui/login");
            browser.screenshot("sign-in");
            browser.signIn("bea", TestApp.PASSWORD);
            assertThat(browser.driver().getCurrentUrl()).endsWith("/ui/depots");
            assertThat(browser.find("main").getText()).contains("BR1");
            assertThat(browser.find("header").getText()).contains("bea");
            browser.signOut();
            browser.open("/ui/depots");
            assertThat(browser.driver().getCurrentUrl()).contains("/ui/login?next=");
        }
    }

    @Test
    void aWrongPasswordShowsWhyOnAPhone() {
        APP.person("bob", Role.FINANCE);
        try (Browser browser = Browser.phone(APP.baseUrl())) {
            browser.open("/ui/login");
            browser.find("input[name=name]").sendKeys("bob");
            browser.find("input[name=password]").sendKeys("not the password");
            browser.find("form[action='/ui/login'] button").click();
            assertThat(browser.await("#signin-problem").getText()).contains("do not match");
            Number width = (Number) browser.driver().executeScript("return window.innerWidth");
            assertThat(width.intValue()).isEqualTo(390);
        }
    }
}
