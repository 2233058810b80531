package dev.policywatch.notifier.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.events.Language;
import dev.policywatch.testing.TemplateText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The notifier's pages hold no literal interface string, and every key they use is in both languages. */
class PageTextTest {

    static final Path TEMPLATES = Path.of("src/main/resources/views/notifier");

    @Test
    void noTemplateHasALiteralInterfaceString() {
        List<Path> templates = TemplateText.templates(TEMPLATES);
        assertThat(templates).hasSizeGreaterThanOrEqualTo(7);
        assertThat(templates.stream().flatMap(t -> TemplateText.literals(t).stream()).toList()).isEmpty();
    }

    @Test
    void everyKeyExistsInBothLanguagesWithTheSamePlaceholders() {
        Map<String, String> en = TemplateText.bundle(PageRenderer.BASE, Language.EN);
        Map<String, String> zh = TemplateText.bundle(PageRenderer.BASE, Language.ZH_CN);
        List<String> missing = new ArrayList<>();
        for (Path template : TemplateText.templates(TEMPLATES)) {
            TemplateText.messageKeys(template).stream().filter(k -> !en.containsKey(k) || !zh.containsKey(k))
                    .forEach(k -> missing.add(template.getFileName() + ": " + k));
        }
        // the inactive page's heading is chosen by the status; the API's reasons are asked for by Java
        for (String key : List.of("notifier.inactive.unsubscribed", "notifier.inactive.suppressed",
                "notifier.inactive.broken", "notifier.channel.unavailable.email", "notifier.channel.unavailable.title")) {
            if (!en.containsKey(key) || !zh.containsKey(key)) {
                missing.add(key);
            }
        }
        assertThat(missing).isEmpty();
        assertThat(TemplateText.bundleProblems(PageRenderer.BASE, java.util.Set.of())).isEmpty();
        assertThat(en.keySet()).allMatch(k -> k.startsWith("notifier."));
    }
}
