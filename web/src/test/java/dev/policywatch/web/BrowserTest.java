package dev.policywatch.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policywatch.events.EventJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import dev.policywatch.events.DocumentChange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The UI in a real headless Chromium: browse the timeline, filter, follow a change and see the
 * highlighted diff; subscribe through the form; a hostile page stays inert. With
 * {@code -Dpolicywatch.screenshots=true} it also writes the screenshots of docs/screenshots/.
 */
class BrowserTest {

    static WebApp app;
    static ChromeDriver browser;
    static Path profile;

    @BeforeAll
    static void start() throws IOException {
        Browser.assumeInstalled();
        app = WebApp.start();
        profile = Browser.tempProfile();
        browser = Browser.start(profile);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    @BeforeEach
    void fresh() {
        app.api.received.clear();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }

    @Test
    void filterTheTimelineFollowAChangeAndSeeTheHighlightedDiff() {
        browser.get(app.url() + "/");
        assertThat(browser.findElements(By.cssSelector(".timeline .change-card"))).hasSize(3);

        new Select(browser.findElement(By.id("source"))).selectByVisibleText("EU AI Act");
        browser.findElement(By.cssSelector(".filters button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("source=eu-ai-act"));
        List<WebElement> cards = browser.findElements(By.cssSelector(".timeline .change-card"));
        assertThat(cards).hasSize(1);
        List<FixtureApi.Received> asked = app.api.to("/api/changes");
        assertThat(asked.get(asked.size() - 1).query()).containsEntry("source", "eu-ai-act");

        cards.get(0).findElement(By.cssSelector(".card-title a")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("/changes/"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Artificial Intelligence Act");

        WebElement inserted = browser.findElement(By.cssSelector(".side-new ins"));
        WebElement deleted = browser.findElement(By.cssSelector(".side-old del"));
        assertThat(inserted.getText()).isEqualTo("ten");
        assertThat(deleted.getText()).isEqualTo("five");
        assertThat(inserted.isDisplayed()).isTrue();
        // highlighted by colour and, for those who do not see it, by underline and strike-through
        assertThat(inserted.getCssValue("background-color")).isEqualTo("rgba(220, 243, 227, 1)");
        assertThat(deleted.getCssValue("background-color")).isEqualTo("rgba(251, 225, 225, 1)");
        assertThat(inserted.getCssValue("text-decoration-line")).isEqualTo("underline");
        assertThat(deleted.getCssValue("text-decoration-line")).isEqualTo("line-through");
        assertThat(browser.findElement(By.cssSelector(".diff-inline")).getText())
                .contains("Providers shall keep records for fiveten years.");
    }

    @Test
    void compareTwoVersionsAcrossTheLineageFromTheDocumentPage() {
        browser.get(app.url() + "/documents/" + Fixtures.ZH_DOC);
        // choose the first recorded version of this document and the draft it replaces, then compare
        new Select(browser.findElement(By.id("compare-from"))).selectByValue(FixtureApi.DRAFT_DOC + ":v-d");
        new Select(browser.findElement(By.id("compare-to")))
                .selectByValue(Fixtures.ZH_DOC + ":" + Fixtures.ZH_V1.versionId());
        browser.findElement(By.cssSelector(".compare button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("/compare?"));
        List<FixtureApi.Received> asked = app.api.to("/api/documents/" + Fixtures.ZH_DOC + "/diff");
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0).query()).containsEntry("fromDocument", FixtureApi.DRAFT_DOC).containsEntry("from", "v-d")
                .containsEntry("to", Fixtures.ZH_V1.versionId());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Compare two versions");
        assertThat(browser.findElement(By.cssSelector(".diff-inline ins")).getText())
                .isEqualTo("；涉及个人信息的，应当取得个人同意。");
        // the draft's version text is one click away
        browser.findElement(By.cssSelector(".compare-from a[href$='/versions/v-d']")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().endsWith("/documents/cac.draft/versions/v-d"));
        assertThat(browser.findElements(By.cssSelector(".version-text .provision-label")))
                .extracting(WebElement::getText).containsExactly("第一条", "第二条");
    }

    @Test
    void aChineseChangeShowsRenumberingAsOldToNewSideBySideOnWideScreensAndStackedOnNarrowOnes() {
        browser.get(app.url() + "/changes/" + Fixtures.chinese().changeId());
        List<WebElement> labels = browser.findElements(By.cssSelector("#provisions-heading ~ .provision .provision-label"));
        assertThat(labels).extracting(WebElement::getText).containsExactly("第十条", "第十一条", "第十一条 → 第十二条");
        WebElement before = browser.findElement(By.cssSelector(".side-old"));
        WebElement after = browser.findElement(By.cssSelector(".side-new"));
        assertThat(before.getRect().getY()).isEqualTo(after.getRect().getY());
        assertThat(before.getRect().getX()).isLessThan(after.getRect().getX());

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(420, 900));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                browser.findElement(By.cssSelector(".side-new")).getRect().getY())
                .isGreaterThan(browser.findElement(By.cssSelector(".side-old")).getRect().getY()));
        Long overflow = (Long) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("no horizontal scrolling on a phone").isLessThanOrEqualTo(0L);
    }

    @Test
    void subscribeThroughTheFormUsingOnlyTheKeyboardForTheLastStep() throws Exception {
        browser.get(app.url() + "/subscribe");
        browser.findElement(By.id("target")).sendKeys("ana@example.org");
        browser.findElement(By.cssSelector("input[name=sources][value=cac-genai-measures]")).click();
        browser.findElement(By.cssSelector("input[name=changeTypes][value=MODIFIED]")).click();
        browser.findElement(By.id("keywords")).sendKeys("个人信息");
        browser.findElement(By.cssSelector("input[name=mode][value=daily]")).click();
        browser.findElement(By.id("keywords")).sendKeys(Keys.TAB); // into the change types
        WebElement submit = browser.findElement(By.cssSelector("form.subscribe button[type=submit]"));
        submit.sendKeys(Keys.ENTER);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(browser.getPageSource())
                .contains("Check your inbox to confirm"));
        JsonNode sent = EventJson.mapper().readTree(app.api.to("/api/subscriptions").get(0).body());
        assertThat(sent.path("target").asText()).isEqualTo("ana@example.org");
        assertThat(sent.path("mode").asText()).isEqualTo("daily");
        assertThat(sent.path("filters").path("sources").get(0).asText()).isEqualTo("cac-genai-measures");
        assertThat(sent.path("filters").path("keywords").get(0).asText()).isEqualTo("个人信息");
        assertThat(sent.path("filters").path("changeTypes").get(0).asText()).isEqualTo("MODIFIED");
    }

    @Test
    void theFirstTabReachesTheSkipLinkAndFocusIsVisible() {
        browser.get(app.url() + "/");
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getText()).isEqualTo("Skip to content");
        assertThat(focused.getCssValue("outline-style")).isEqualTo("solid");
    }

    @Test
    void aPageWithScriptInItsProvisionsStaysInertAndShowsTheMarkupAsText() {
        browser.get(app.url() + "/changes/" + Fixtures.hostile().changeId());
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        String text = browser.findElement(By.tagName("main")).getText();
        assertThat(text).contains(Fixtures.SCRIPT).contains(Fixtures.IMG);
        assertThat(browser.findElements(By.cssSelector("main script, main img"))).isEmpty();
        browser.get(app.url() + "/");
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Title " + Fixtures.SCRIPT);
    }

    @Test
    void filterTheTimelineToSubstantiveFinesAndSeeTheChipsTheBadgeAndTheReferenceChange() {
        DocumentChange change = Fixtures.penalty();
        app.api.serve(change);
        try {
            browser.get(app.url() + "/");
            new Select(browser.findElement(By.id("significance"))).selectByVisibleText("Substantive");
            new Select(browser.findElement(By.id("fact"))).selectByVisibleText("Fines");
            browser.findElement(By.cssSelector(".filters button[type=submit]")).click();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("significance=SUBSTANTIVE")
                    && browser.getCurrentUrl().contains("fact=FINE"));
            List<WebElement> cards = browser.findElements(By.cssSelector(".timeline .change-card"));
            assertThat(cards).hasSize(1);
            WebElement chip = cards.get(0).findElement(By.cssSelector(".fact-chips .chip"));
            assertThat(chip.getText()).isEqualTo("fine CNY 5,000–CNY 30,000 → CNY 10,000–CNY 100,000"); // the reader's language
            assertThat(chip.isDisplayed()).isTrue();

            cards.get(0).findElement(By.cssSelector(".card-title a")).click();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("/changes/"));
            List<WebElement> badges = browser.findElements(By.cssSelector(".provision .badge-editorial"));
            assertThat(badges).hasSize(2).allSatisfy(b -> assertThat(b.isDisplayed()).isTrue());
            List<WebElement> provisions = browser.findElements(By.cssSelector("#provisions-heading ~ .provision"));
            assertThat(provisions.get(2).findElement(By.cssSelector(".diff-inline del")).getText()).isEqualTo("七");
            assertThat(provisions.get(2).findElement(By.cssSelector(".diff-inline ins")).getText()).isEqualTo("八");
            assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        } finally {
            app.api.withdraw(change.changeId());
        }
    }

    /** Writes docs/screenshots/*.png; on demand only (-Dpolicywatch.screenshots=true), as it changes tracked files. */
    @Test
    void screenshotsForTheDocs() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("policywatch.screenshots"),
                "screenshots are taken with -Dpolicywatch.screenshots=true");
        Path dir = Path.of(System.getProperty("policywatch.docs", "../docs"), "screenshots");
        Files.createDirectories(dir);
        try (WebApp demo = WebApp.start(FixtureApi.showcase(), Map.of())) {
            shoot(demo.url() + "/", 1280, dir.resolve("timeline.png"));
            shoot(demo.url() + "/changes/" + Fixtures.chinese().changeId(), 1280, dir.resolve("change.png"));
            shoot(demo.url() + "/changes/" + Fixtures.chinese().changeId(), 390, dir.resolve("change-mobile.png"));
            shoot(demo.url() + "/subscribe", 1280, dir.resolve("subscribe.png"));
            shoot(demo.url() + "/sources", 1280, dir.resolve("sources.png"));
        }
    }

    private static void shoot(String url, int width, Path file) throws IOException {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
        browser.get(url);
        // The window is a little taller than its viewport: size it so that the whole page fits.
        long chrome = 900 - (Long) browser.executeScript("return window.innerHeight;");
        long height = (Long) browser.executeScript("return document.documentElement.scrollHeight;");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, (int) Math.min(height + chrome, 4000)));
        Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
    }
}
