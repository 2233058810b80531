package dev.policywatch.notifier.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.notifier.Fixtures;
import dev.policywatch.notifier.delivery.Alert;
import dev.policywatch.notifier.delivery.SendResult;
import dev.policywatch.notifier.match.Filters;
import dev.policywatch.notifier.subscription.Channel;
import dev.policywatch.notifier.subscription.LinkTokens;
import dev.policywatch.notifier.subscription.Links;
import dev.policywatch.notifier.subscription.Mode;
import dev.policywatch.notifier.subscription.Subscription;
import dev.policywatch.notifier.subscription.SubscriptionStatus;
import dev.policywatch.support.PolicywatchSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

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
                .contains("updated · 1 modified · http://localhost:8080/changes/" + change.changeId())
                .contains("- 第十条 (modified): 提供者应当[-标识-]{+显著标识+}");
    }
}
