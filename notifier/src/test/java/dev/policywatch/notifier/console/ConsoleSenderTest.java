package dev.policywatch.notifier.console;

import dev.policywatch.api.subscriptions.Channel;
import dev.policywatch.api.subscriptions.Filters;
import dev.policywatch.api.subscriptions.Mode;
import dev.policywatch.api.subscriptions.SubscriptionStatus;
import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.DiffOp;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.ProvisionChange;
import dev.policywatch.notifier.Fixtures;
import dev.policywatch.notifier.delivery.Alert;
import dev.policywatch.notifier.delivery.SendResult;
import dev.policywatch.notifier.subscription.LinkTokens;
import dev.policywatch.notifier.subscription.Links;
import dev.policywatch.notifier.subscription.Subscription;
import dev.policywatch.support.PolicywatchSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class ConsoleSenderTest {

    @Test
    void printsAReadableMultiLineAlertWithLinkAndDiff() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PolicywatchSettings pw = new PolicywatchSettings(null, null, "http://localhost:8080", 8080, "./data");
        ConsoleSender sender = new ConsoleSender(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                new Links(pw, new LinkTokens(new byte[32]), Duration.ofDays(1), Clock.systemUTC()));
        Subscription s = new Subscription("s-c", Channel.CONSOLE, "stdout", Filters.ALL, Mode.IMMEDIATE, null, null,
                SubscriptionStatus.ACTIVE, null, Instant.now(), Instant.now());
        var change = Fixtures.change("console", "生成式人工智能服务管理暂行办法\nsecond line", "标识", "显著标识");
        assertThat(sender.send(new Alert(1, s, List.of(change), false))).isInstanceOf(SendResult.Sent.class);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("== policywatch alert: CAC: 生成式人工智能服务管理暂行办法 second line\n")
                .contains("   updated · 1 modified · http://localhost:8080/changes/" + change.changeId())
                .contains("- 第十条 (modified): 提供者应当[-标识-]{+显著标识+}");
    }

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private String render(DocumentChange change, boolean colour) {
        PolicywatchSettings pw = new PolicywatchSettings(null, null, "http://localhost:8080", 8080, "./data");
        ConsoleSender sender = new ConsoleSender(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                new Links(pw, new LinkTokens(new byte[32]), Duration.ofDays(1), Clock.systemUTC()), colour);
        return sender.render(change, new StringBuilder());
    }

    private static DocumentChange withKind(DocumentChange c, ChangeKind kind, String publisher, String title) {
        return new DocumentChange(c.schemaVersion(), c.changeId(), c.documentId(), c.sourceId(), c.sourceName(), c.url(),
                title, publisher, c.jurisdiction(), c.language(), kind, kind == ChangeKind.NEW_DOCUMENT ? null : c.fromVersion(),
                c.toVersion(), c.detectedAt(), c.changes(), c.structureChanges(), c.summary());
    }

    // #15: "new document · new document", and "EA: Example Agency" made up from the publisher's initials
    @Test
    void aNewDocumentIsSaidOnceAndThePublisherIsNeverTurnedIntoInitials() {
        DocumentChange change = withKind(Fixtures.change("n", "AI Risk Profile", List.of()), ChangeKind.NEW_DOCUMENT,
                "Example Agency (demo)", "Example Agency AI Risk Profile");

        String out = render(change, false);

        assertThat(out).contains("== policywatch alert: Example Agency AI Risk Profile\n")
                .contains("   new document · http://localhost:8080/changes/")
                .doesNotContain("EA:").doesNotContain("new document · new document");
        assertThat(render(withKind(change, ChangeKind.NEW_DOCUMENT, "Example Agency", "Notice 5"), false))
                .contains("== policywatch alert: Example Agency: Notice 5\n");
    }

    @Test
    void renumberedProvisionsAreOneLineNotTheirFullText() {
        List<ProvisionChange> provisions = new ArrayList<>(Fixtures.provisions(1, "modified text"));
        for (int i = 3; i <= 12; i++) {
            provisions.add(new ProvisionChange(ChangeType.RENUMBERED, "第" + i + "条", "第" + (i + 1) + "条",
                    List.of("第" + i + "条"), List.of("第" + (i + 1) + "条"), "UNCHANGED TEXT " + i, "UNCHANGED TEXT " + i,
                    1.0, List.of(DiffOp.equal("UNCHANGED TEXT " + i))));
        }

        String out = render(Fixtures.change("r", "办法", provisions), false);

        assertThat(out).doesNotContain("UNCHANGED TEXT")
                .contains("   - 10 renumbered (text unchanged): 第3条 → 第4条, 第4条 → 第5条, 第5条 → 第6条, … 第12条 → 第13条\n");
        assertThat(out.lines()).hasSize(5);
    }

    @Test
    void aTerminalGetsColourAndAFileGetsMarkers() {
        DocumentChange change = Fixtures.change("t", "办法", "标识", "显著标识");

        assertThat(render(change, true)).contains("提供者应当\u001B[31;9m标识\u001B[0m\u001B[32m显著标识\u001B[0m")
                .doesNotContain("[-").doesNotContain("{+");
        assertThat(render(change, false)).contains("提供者应当[-标识-]{+显著标识+}").doesNotContain("\u001B");
    }

    @Test
    void escapeSequencesFromAPageNeverReachTheTerminal() {
        DocumentChange change = Fixtures.change("e", "办法\u001B]0;pwned\u0007", "标识\u001B[2J", "显著\u001B[31m标识");

        String out = render(change, true);

        assertThat(out.replace("\u001B[1m", "").replace("\u001B[0m", "").replace("\u001B[31;9m", "")
                .replace("\u001B[32m", "")).doesNotContain("\u001B").doesNotContain("\u0007");
    }
}
