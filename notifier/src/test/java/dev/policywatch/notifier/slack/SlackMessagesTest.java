package dev.policywatch.notifier.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.notifier.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlackMessagesTest {

    static void assertWithinSlackLimits(JsonNode payload) {
        JsonNode blocks = payload.get("blocks");
        assertThat(blocks.size()).isLessThanOrEqualTo(50);
        for (JsonNode b : blocks) {
            String text = b.get("text").get("text").asText();
            if (b.get("type").asText().equals("header")) {
                assertThat(text.length()).isLessThanOrEqualTo(150);
                assertThat(b.get("text").get("type").asText()).isEqualTo("plain_text");
            } else {
                assertThat(text.length()).isLessThanOrEqualTo(3000);
            }
        }
    }

    @Test
    void aChangeWith200ProvisionsIsTruncatedWithALinkWithinSlackLimits() {
        DocumentChange c = Fixtures.change("big", "Big regulation", Fixtures.provisions(200, "x".repeat(2000)));
        ObjectNode payload = SlackMessages.alert(dev.policywatch.notifier.delivery.AlertContent.of(List.of(c), false, id -> "https://pw.example/changes/" + id, dev.policywatch.notifier.delivery.AlertFormat.EN));
        assertWithinSlackLimits(payload);
        String last = payload.get("blocks").get(payload.get("blocks").size() - 1).get("text").get("text").asText();
        assertThat(last).contains("more provisions").contains("<https://pw.example/changes/" + c.changeId() + "|see all>");
    }

    @Test
    void pageTextCannotPingChannelsOrForgeLinks() {
        DocumentChange c = Fixtures.change("esc", "<!channel> A & B", "old <!here>", "new <https://evil.example|click>");
        String json = SlackMessages.alert(dev.policywatch.notifier.delivery.AlertContent.of(List.of(c), false, id -> "https://pw.example/changes/" + id, dev.policywatch.notifier.delivery.AlertFormat.EN)).toString();
        assertThat(json).doesNotContain("<!here>").doesNotContain("<https://evil.example")
                .contains("&lt;!here&gt;").contains("&lt;https://evil.example|click&gt;");
        assertThat(SlackMessages.escape("a & <b>")).isEqualTo("a &amp; &lt;b&gt;");
    }

    @Test
    void aDigestOfManyChangesStaysWithinLimits() {
        List<DocumentChange> changes = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            changes.add(Fixtures.change("d" + i, "Title " + "t".repeat(300), Fixtures.provisions(5, "text")));
        }
        ObjectNode payload = SlackMessages.alert(dev.policywatch.notifier.delivery.AlertContent.of(changes, true, id -> "https://pw.example/changes/" + id, dev.policywatch.notifier.delivery.AlertFormat.EN));
        assertWithinSlackLimits(payload);
        assertThat(payload.toString()).contains("more changes");
    }
}
