package org.chorus.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * axe-core in headless Chromium over the main admin screens, signed in as the owner, with data on them (a
 * supporter's letters): dashboard, a campaign's results, supporters, one supporter, the deletion confirmation,
 * the outbox and a message, staff accounts with form errors, plugins, themes, the account page, and the public
 * sign-in and password pages.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminAccessibilityIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItEnvironment.platformWar();
    }

    @ArquillianResource
    URL base;

    String url(String path) {
        return URI.create(base.toString()).resolve(path).toString();
    }

    @Test
    void theMainAdminScreensHaveNoAxeViolations() {
        String email = "rosa+" + UUID.randomUUID() + "@example.org";
        new Http(base).postForm("/campaigns/safe-communities-act/actions/email-your-legislators", Map.of(
                "_idem", UUID.randomUUID().toString(), "_src", "newsletter", "_landed", String.valueOf(System.currentTimeMillis() - 45_000),
                "lat", "42.3588", "lon", "-71.0637", "street", "24 Beacon St", "zip", "02133", "first_name", "Rosa",
                "last_name", "Axe", "email", email));

        WebDriver driver = Browsers.chromium(true);
        try {
            // The checker itself finds what it should: an unlabelled field and grey-on-grey text.
            driver.get("data:text/html,<!DOCTYPE html><html lang=en><title>t</title><main><h1>t</h1><input>"
                    + "<p style='color:%23999;background:%23aaa'>faint</p></main></html>");
            assertThat(Axe.check(driver)).extracting(Axe.Violation::rule).contains("label", "color-contrast");

            driver.get(url("/admin/login"));
            Axe.assertNoViolations(driver, "login");
            driver.get(url("/admin/password/forgot"));
            Axe.assertNoViolations(driver, "forgot password");

            driver.get(url("/admin/login"));
            driver.findElement(By.id("email")).sendKeys("owner@example.org");
            driver.findElement(By.id("password")).sendKeys("it-owner-password-123");
            navigate(driver, By.cssSelector("main button[type=submit]"));
            assertThat(driver.getTitle()).startsWith("Dashboard");
            System.out.println("axe-core " + Axe.version(driver));
            Axe.assertNoViolations(driver, "dashboard");

            driver.get(url("/admin/campaigns/safe-communities-act/results"));
            assertThat(driver.findElement(By.cssSelector("svg.chart")).isDisplayed()).isTrue();
            Browsers.screenshot(driver, "admin-results");
            Axe.assertNoViolations(driver, "campaign results");
            driver.get(url("/admin/campaigns/safe-communities-act/results/actions"));
            Axe.assertNoViolations(driver, "export actions");

            driver.get(url("/admin/supporters?q=" + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8)));
            Axe.assertNoViolations(driver, "supporters");
            navigate(driver, By.linkText("Rosa Axe"));
            Axe.assertNoViolations(driver, "one supporter");
            navigate(driver, By.linkText("Delete this person's data"));
            // A click starts a navigation and returns: wait for the next page's element, not the old page's absence.
            var wait = new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(20));
            wait.until(d -> !d.findElements(By.id("confirmEmail")).isEmpty());
            driver.findElement(By.id("confirmEmail")).sendKeys("not-the-address@example.org");
            navigate(driver, By.cssSelector("form[action$='/delete'] button[type=submit]"));
            wait.until(d -> !d.findElements(By.id("confirmEmail-error")).isEmpty());
            assertThat(driver.findElement(By.id("confirmEmail-error")).getText()).contains("Type the supporter's e-mail address");
            Axe.assertNoViolations(driver, "delete supporter with an error");

            driver.get(url("/admin/outbox"));
            Axe.assertNoViolations(driver, "outbox");
            navigate(driver, By.cssSelector(".admin-table tbody a"));
            Axe.assertNoViolations(driver, "outbox message");

            driver.get(url("/admin/users"));
            Axe.assertNoViolations(driver, "staff accounts");
            driver.findElement(By.id("email")).sendKeys("not an address");
            driver.findElement(By.id("displayName")).sendKeys("Someone");
            driver.findElement(By.id("password")).sendKeys("long enough password");
            navigate(driver, By.cssSelector("form[action='/admin/users'] button[type=submit]"));
            assertThat(driver.findElement(By.id("email-error")).getText()).isEqualTo("Enter a valid e-mail address.");
            assertThat(driver.findElement(By.id("displayName")).getAttribute("value")).isEqualTo("Someone");
            Axe.assertNoViolations(driver, "staff accounts with an error");

            driver.get(url("/admin/plugins"));
            Axe.assertNoViolations(driver, "plugins");
            driver.get(url("/admin/themes"));
            Axe.assertNoViolations(driver, "themes");
            driver.get(url("/admin/themes/preview?campaign=&theme=admin"));
            Axe.assertNoViolations(driver, "themes with errors");

            driver.get(url("/admin/account"));
            Axe.assertNoViolations(driver, "account");
            navigate(driver, By.cssSelector("form[action='/admin/account/two-factor/start'] button"));
            assertThat(driver.findElement(By.cssSelector("code.secret")).getText()).matches("([A-Z2-7]{4} ){7}[A-Z2-7]{4}");
            Axe.assertNoViolations(driver, "two-factor setup");

            driver.get(url("/admin/no-such-page"));
            Axe.assertNoViolations(driver, "not found");
        } finally {
            driver.quit();
        }
    }

    private static void navigate(WebDriver driver, By what) {
        Browsers.clickAndWaitForNextPage(driver, what);
    }
}
