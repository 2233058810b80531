package dev.policywatch.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.policywatch.events.Language;
import dev.policywatch.testing.TemplateText;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The UI in a headless Chromium whose reader asks for Chinese ({@code intl.accept_languages=zh-CN,zh}):
 * every page comes in Chinese with no English interface string left (checked against every English
 * text of the bundle, crawled text aside); the language switch goes to English and back, and the choice
 * sticks from page to page, over the browser's own language.
 */
class ChineseBrowserTest {

    static WebApp app;
    static ChromeDriver browser;
    static final Map<String, String> EN = TemplateText.bundle("i18n/web", Language.EN);
    static final Map<String, String> ZH = TemplateText.bundle("i18n/web", Language.ZH_CN);

    @BeforeAll
    static void start() throws IOException {
        Browser.assumeInstalled();
        app = WebApp.start();
        app.api.serve(Fixtures.penalty());
        Path profile = Browser.tempProfile();
        browser = Browser.start(profile, "zh-CN,zh");
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
    void chinese() {
        browser.get(app.url() + "/sources");
        browser.manage().deleteAllCookies();
    }

    private Document page() {
        return Jsoup.parse(browser.getPageSource(), app.url());
    }

    private void assertChinese(String what) {
        Document page = page();
        assertThat(page.selectFirst("html").attr("lang")).as(what).isEqualTo("zh-CN");
        assertThat(TemplateText.englishLeft(TemplateText.interfaceText(page), EN, ZH)).as(what).isEmpty();
    }

    @Test
    void everyPageIsChineseWithNoEnglishInterfaceStringLeft() {
        for (String path : List.of("/", "/changes/" + Fixtures.chinese().changeId(), "/changes/" + Fixtures.english().changeId(),
                "/changes/" + Fixtures.penalty().changeId(), "/documents/" + Fixtures.ZH_DOC, "/sources", "/subscribe",
                "/changes/no-such-change", "/?source=nothing-matches")) {
            browser.get(app.url() + path);
            assertChinese(path);
        }
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("最新变化");

        // filter through the Chinese labels, then subscribe through the Chinese form
        browser.get(app.url() + "/");
        new Select(browser.findElement(By.id("significance"))).selectByVisibleText("实质性");
        new Select(browser.findElement(By.id("fact"))).selectByVisibleText("罚款");
        browser.findElement(By.cssSelector(".filters button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("fact=FINE"));
        assertChinese("filtered timeline");
        WebElement chip = browser.findElement(By.cssSelector(".timeline .change-card .fact-chips .chip"));
        assertThat(chip.getText()).isEqualTo("罚款 5千–3万 → 1万–10万元");
        assertThat(browser.findElement(By.cssSelector(".timeline .change-card time")).getText())
                .isEqualTo("2024年5月14日 11:46 UTC");

        browser.get(app.url() + "/subscribe");
        browser.findElement(By.id("target")).sendKeys(" "); // passes the browser's "required", not the server
        browser.findElement(By.cssSelector("form.subscribe button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.cssSelector(".alert-error")).isEmpty());
        assertChinese("subscribe form with an error");
        browser.findElement(By.id("target")).clear();
        browser.findElement(By.id("target")).sendKeys("ana@example.org");
        browser.findElement(By.cssSelector("form.subscribe button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.tagName("h1")).getText()
                .equals("请查收邮件并确认"));
        assertChinese("subscribed");
    }

    @Test
    void theSwitchGoesToEnglishAndTheChoiceSticksFromPageToPage() {
        browser.get(app.url() + "/changes/" + Fixtures.chinese().changeId());
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        browser.findElement(By.cssSelector(".language-switch a[lang=en]")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> "en".equals(browser.findElement(By.tagName("html")).getAttribute("lang")));
        // back on the same page, now in English
        assertThat(browser.getCurrentUrl()).endsWith("/changes/" + Fixtures.chinese().changeId());
        assertThat(browser.findElement(By.cssSelector(".card-meta time")).getText()).isEqualTo("Detected 14 May 2024, 11:45 UTC");
        Cookie cookie = browser.manage().getCookieNamed("pw_lang");
        assertThat(cookie.getValue()).isEqualTo("en");
        assertThat(cookie.isHttpOnly()).isTrue();

        // every page after it, whatever the browser asks for
        for (String nav : List.of("/sources", "/subscribe", "/")) {
            browser.findElement(By.cssSelector(".site-header a[href='" + nav + "']")).click();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().endsWith(nav));
            assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).as(nav).isEqualTo("en");
        }
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("What changed");

        // and back to Chinese, which sticks as well
        browser.findElement(By.cssSelector(".language-switch a[lang=zh-CN]")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> "zh-CN".equals(browser.findElement(By.tagName("html")).getAttribute("lang")));
        browser.findElement(By.cssSelector(".site-header a[href='/sources']")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().endsWith("/sources"));
        assertChinese("sources after switching back");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("来源");
    }
}
