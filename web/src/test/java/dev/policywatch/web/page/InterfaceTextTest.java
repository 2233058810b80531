package dev.policywatch.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.EditorialKind;
import dev.policywatch.events.Language;
import dev.policywatch.testing.TemplateText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No interface string of the web UI escapes translation: every template's text and human-facing
 * attributes come from the bundle ({@code #{key}}) or the model, every key the templates and the Java
 * use exists in English and Chinese, and the two languages have the same keys and placeholders.
 * A page that gains a literal string (or a key in one language only) fails here, naming it.
 */
class InterfaceTextTest {

    static final Path TEMPLATES = Path.of("src/main/resources/views/web");
    static final Path JAVA = Path.of("src/main/java");
    static final Map<String, String> EN = TemplateText.bundle(WebMessages.BASE, Language.EN);
    static final Map<String, String> ZH = TemplateText.bundle(WebMessages.BASE, Language.ZH_CN);
    /** Literal keys in Java: text("key" …), count("key" …), PageException's keys. */
    static final Pattern JAVA_KEY = Pattern.compile("(text|count|notFound|badRequest|Invalid)\\(\"([a-zA-Z]+\\.[a-zA-Z.]*[a-zA-Z])\"");

    @Test
    void noTemplateHasALiteralInterfaceString() {
        List<Path> templates = TemplateText.templates(TEMPLATES);
        assertThat(templates).hasSizeGreaterThanOrEqualTo(9);
        List<String> literals = templates.stream().flatMap(t -> TemplateText.literals(t).stream()).toList();
        assertThat(literals).as("interface strings written in templates instead of #{key}").isEmpty();
    }

    @Test
    void theCheckFindsLiteralTextAndAttributes(@TempDir Path dir) throws IOException {
        Path page = dir.resolve("page.html");
        Files.writeString(page, """
                <html><head><title th:text="#{a.b}">placeholder is fine</title></head><body>
                <p>Untranslated words</p><span>policywatch</span> <span>→ · —</span>
                <input placeholder="search here" title="x" th:title="#{a.b}">
                <a href="/" th:attr="aria-label=#{a.b}">~</a><nav aria-label="Main"></nav>
                <input type="submit" value="Send"></body></html>""");
        assertThat(TemplateText.literals(page)).containsExactly("page.html: <p>: Untranslated words",
                "page.html: <input placeholder>: search here", "page.html: <nav aria-label>: Main",
                "page.html: <input value>: Send");
    }

    @Test
    void everyKeyOfTheTemplatesExistsInBothLanguages() {
        List<String> missing = new ArrayList<>();
        for (Path template : TemplateText.templates(TEMPLATES)) {
            for (String key : TemplateText.messageKeys(template)) {
                if (!EN.containsKey(key) || !ZH.containsKey(key)) {
                    missing.add(template.getFileName() + ": " + key);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyKeyTheJavaAsksForExistsInBothLanguages() throws IOException {
        List<String> missing = new ArrayList<>();
        int found = 0;
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = JAVA_KEY.matcher(Files.readString(file));
                while (m.find()) {
                    found++;
                    List<String> keys = m.group(1).equals("count") ? List.of(m.group(2) + ".one", m.group(2) + ".other")
                            : List.of(m.group(2));
                    keys.stream().filter(k -> !EN.containsKey(k) || !ZH.containsKey(k))
                            .forEach(k -> missing.add(file.getFileName() + ": " + k));
                }
            }
        }
        assertThat(found).as("keys found in the Java sources").isGreaterThan(30);
        assertThat(missing).isEmpty();
    }

    @Test
    void everyWordOfTheEventsVocabulariesHasItsKey() {
        List<String> keys = new ArrayList<>();
        for (ChangeKind k : ChangeKind.values()) {
            keys.add("kind." + k.name());
            keys.add("change.note." + k.name());
        }
        for (ChangeType t : ChangeType.values()) {
            keys.add("type." + t.name());
        }
        for (EditorialKind e : EditorialKind.values()) {
            keys.add("editorial." + e.name());
        }
        for (String s : List.of("BASELINE", "NEW_DOCUMENT", "REMOVED")) {
            keys.add("timeline.summary." + s);
            keys.add("document.what." + s);
        }
        for (String h : List.of("ok", "failing", "broken", "new")) {
            keys.add("health." + h);
        }
        for (String s : List.of("history", "crawler", "notifier")) {
            keys.add("service." + s);
        }
        for (String c : List.of("email", "webhook")) {
            keys.add("subscribe.invalid.target." + c);
        }
        for (dev.policywatch.api.subscriptions.Channel c : dev.policywatch.api.subscriptions.Channel.values()) {
            if (c != dev.policywatch.api.subscriptions.Channel.CONSOLE) {
                keys.add("channel." + c.wire());
                keys.add("channel." + c.wire() + ".hint");
            }
        }
        // the channels the notifier will offer (issue #18), whether or not this build's enum has them yet
        for (String c : List.of("wecom", "dingtalk", "feishu", "teams", "webhook")) {
            keys.add("channel." + c);
            keys.add("channel." + c + ".hint");
        }
        for (String f : List.of("sources", "jurisdictions", "keywords")) {
            keys.add("subscribe.invalid.tooMany." + f);
        }
        assertThat(keys).allSatisfy(k -> assertThat(EN).containsKey(k)).allSatisfy(k -> assertThat(ZH).containsKey(k));
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndPlaceholdersAndChineseIsChinese() {
        // names and addresses that are the same in Chinese
        assertThat(TemplateText.bundleProblems(WebMessages.BASE, Set.of("channel.slack", "channel.slack.hint",
                "channel.wecom.hint", "channel.dingtalk.hint", "channel.teams"))).isEmpty();
        assertThat(EN).hasSizeGreaterThan(150);
    }
}
