package dev.policywatch.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.events.DocumentChange;
import dev.policywatch.notifier.Fixtures;
import dev.policywatch.notifier.email.EmailMessages;
import dev.policywatch.notifier.slack.SlackMessages;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue #12 item 8: bidirectional controls in a crawled title reached Slack and email subjects
 * unchanged, so "‮gnp.exe" could show as "exe.png". They are dropped from every string of an alert.
 */
class BidiControlsTest {

    private static final Pattern BIDI = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F\\u061C]");
    private static final String CONTROLS = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C";

    private static DocumentChange hostile() {
        return Fixtures.change("bidi", "Rule \u202Egnp.exe" + CONTROLS, "old \u202Etext" + CONTROLS,
                "new \u2067text\u2069" + CONTROLS);
    }

    @Test
    void slackAlertsCarryNoBidiControls() {
        String payload = SlackMessages.alert(dev.policywatch.notifier.delivery.AlertContent.of(List.of(hostile()), false, id -> "https://pw.example/changes/" + id, dev.policywatch.notifier.delivery.AlertFormat.EN))
                .toString();
        assertThat(BIDI.matcher(payload).find()).as(payload).isFalse();
        assertThat(payload).contains("gnp.exe");
    }

    @Test
    void emailSubjectTextAndHtmlCarryNoBidiControls() {
        EmailMessages.Rendered mail = EmailMessages.alert(dev.policywatch.notifier.delivery.AlertContent.of(List.of(hostile()), false, id -> "https://pw.example/changes/" + id, dev.policywatch.notifier.delivery.AlertFormat.EN), "https://pw.example/unsubscribe?token=t");
        for (String part : List.of(mail.subject(), mail.text(), mail.html())) {
            assertThat(BIDI.matcher(part).find()).as(part).isFalse();
        }
        assertThat(mail.subject()).contains("Rule gnp.exe");
    }
}
