package org.chorus.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.util.List;
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
import org.openqa.selenium.WebElement;

/** The seed campaign and a test action in a real headless Chromium. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SeedCampaignBrowserIT {

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
    void theSeedCampaignLoadsCleanlyIsKeyboardNavigableAndStaysOnThisHost() throws Exception {
        WebDriver driver = Browsers.chromium(true);
        try {
            driver.get(url("/campaigns/safe-communities-act"));
            assertThat(driver.getTitle()).contains("Tell your state legislators where you stand");
            assertThat(Browsers.screenshot(driver, "seed-campaign")).satisfies(p -> assertThat(Files.size(p)).isPositive());
            assertThat(Browsers.consoleErrors(driver)).isEmpty();
            String host = URI.create(base.toString()).getHost();
            assertThat(Browsers.requests(driver)).as("no third-party requests").allMatch(u -> host.equals(u.getHost()));

            // Keyboard: skip link first, then Tab walks every link and control with a visible focus, no trap.
            assertThat(Keyboard.assertOperable(driver, "seed campaign")).hasSizeGreaterThanOrEqualTo(8);
            Browsers.screenshot(driver, "seed-campaign-keyboard");
        } finally {
            driver.quit();
        }
    }

    @Test
    void aSupporterCompletesTheTestActionWithJavaScriptOnAndOff() {
        for (boolean js : new boolean[] {true, false}) {
            WebDriver driver = Browsers.chromium(js);
            try {
                driver.get(url("/campaigns/it-plugins?src=browser-test"));
                driver.findElement(By.id("field-greet-first_name")).sendKeys("Ana");
                driver.findElement(By.id("field-greet-email")).sendKeys("ana+" + UUID.randomUUID() + "@example.org");
                driver.findElement(By.id("field-greet-message")).sendKeys("Hello from " + (js ? "JS" : "no JS"));
                driver.findElement(By.cssSelector("#action-greet button[type=submit]")).click();
                waitForThanks(driver);
                assertThat(driver.findElement(By.cssSelector(".greeting-result")).getText()).isEqualTo("Your greeting is on its way.");
                Browsers.screenshot(driver, "greeting-thanks-js-" + (js ? "on" : "off"));
                assertThat(Browsers.consoleErrors(driver)).isEmpty();
            } finally {
                driver.quit();
            }
        }
    }

    @Test
    void aSupporterEmailsTheirLegislatorsFromTheSeedCampaignWithJavaScriptOnAndOff() {
        for (boolean js : new boolean[] {true, false}) {
            WebDriver driver = Browsers.chromium(js);
            try {
                driver.get(url("/campaigns/safe-communities-act?src=browser"));
                driver.findElement(By.id("field-email-your-legislators-street")).sendKeys("120 Washington St");
                driver.findElement(By.id("field-email-your-legislators-zip")).sendKeys("01970");
                driver.findElement(By.id("field-email-your-legislators-first_name")).sendKeys("Ana");
                driver.findElement(By.id("field-email-your-legislators-last_name")).sendKeys("Pereira");
                driver.findElement(By.id("field-email-your-legislators-email")).sendKeys("ana+" + UUID.randomUUID() + "@example.org");
                if (js) {
                    // The live preview shows one letter per legislator before anything is sent.
                    new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10)).until(
                            d -> d.findElements(By.cssSelector(".el-preview-letter")).size() == 2);
                    assertThat(driver.findElement(By.cssSelector("[data-el-preview]")).getText())
                            .contains("Dear Senator").contains("Dear Representative").contains("Salem");
                    Browsers.screenshot(driver, "email-action-preview");
                }
                driver.findElement(By.cssSelector("#action-email-your-legislators button[type=submit]:not([name=preview])")).click();
                waitForThanks(driver);
                List<WebElement> deliveries = driver.findElements(By.cssSelector(".el-deliveries li"));
                assertThat(deliveries).hasSize(2);
                assertThat(deliveries.get(0).getText() + deliveries.get(1).getText()).contains("Senator").contains("Representative");
                Browsers.screenshot(driver, "email-action-thanks-js-" + (js ? "on" : "off"));
                assertThat(Browsers.consoleErrors(driver)).isEmpty();
            } finally {
                driver.quit();
            }
        }
    }

    /** A form post navigates asynchronously; wait for the thank-you page (and say what the page said if it never comes). */
    static void waitForThanks(WebDriver driver) {
        try {
            new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(20))
                    .until(d -> d.getCurrentUrl().contains("/thanks/"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no thank-you page; the page says: "
                    + org.jsoup.Jsoup.parse(driver.getPageSource()).select("main").text(), e);
        }
    }
}
