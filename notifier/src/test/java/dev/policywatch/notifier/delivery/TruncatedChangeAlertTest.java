package dev.policywatch.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.events.ChangeSummary;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.notifier.Fixtures;
import dev.policywatch.notifier.email.EmailMessages;
import dev.policywatch.notifier.slack.SlackMessages;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A huge edit arrives truncated by diff-service (issue #12 item 1): the alert still counts every
 * changed provision, not only those the event lists.
 */
class TruncatedChangeAlertTest {

    private static final Pattern MORE = Pattern.compile("… and (\\d+) more");

    @Test
    void theMoreNoticeCountsTheProvisionsTheTruncatedEventDoesNotList() {
        DocumentChange listed = Fixtures.change("huge", "Huge rule", Fixtures.provisions(300, "kept for years"));
        DocumentChange full = new DocumentChange(listed.schemaVersion(), listed.changeId(), listed.documentId(),
                listed.sourceId(), listed.sourceName(), listed.url(), listed.title(), listed.publisher(),
                listed.jurisdiction(), listed.language(), listed.kind(), listed.fromVersion(), listed.toVersion(),
                listed.detectedAt(), listed.changes(), List.of(), new ChangeSummary(0, 0, 40_000, 0, 0));
        DocumentChange truncated = full.truncatedTo(listed.changes(), List.of());
        assertThat(AlertFormat.provisionCount(truncated)).isEqualTo(40_000);

        String slack = SlackMessages.alert(dev.policywatch.notifier.delivery.AlertContent.of(List.of(truncated), false, id -> "https://pw.example/changes/" + id, dev.policywatch.notifier.delivery.AlertFormat.EN))
                .toString();
        assertThat(more(slack) + shown(slack, "Article ")).isEqualTo(40_000);
        EmailMessages.Rendered mail = EmailMessages.alert(dev.policywatch.notifier.delivery.AlertContent.of(List.of(truncated), false, id -> "https://pw.example/changes/" + id, dev.policywatch.notifier.delivery.AlertFormat.EN), "https://pw.example/unsubscribe?token=t");
        assertThat(more(mail.text()) + shown(mail.text(), "* Article ")).isEqualTo(40_000);
        String console = renderOnConsole(truncated);
        assertThat(more(console) + shown(console, "   - Article ")).isEqualTo(40_000);
    }

    private static String renderOnConsole(DocumentChange change) {
        dev.policywatch.support.PolicywatchSettings pw = new dev.policywatch.support.PolicywatchSettings(null, null,
                "https://pw.example", 8080, "./data");
        return new dev.policywatch.notifier.console.ConsoleSender(System.out, new dev.policywatch.notifier.subscription.Links(
                pw, new dev.policywatch.notifier.subscription.LinkTokens(new byte[32]), java.time.Duration.ofDays(1),
                java.time.Clock.systemUTC())).render(change, new StringBuilder());
    }

    private static int more(String s) {
        Matcher m = MORE.matcher(s);
        assertThat(m.find()).as(s).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** Listed provisions: each label appears once per provision shown. */
    private static int shown(String s, String prefix) {
        int n = 0;
        for (int i = 1; i <= 300; i++) {
            if (s.contains(prefix + i + " (modified)") || s.contains("*" + prefix + i + " (modified)*")) {
                n++;
            }
        }
        return n;
    }
}
