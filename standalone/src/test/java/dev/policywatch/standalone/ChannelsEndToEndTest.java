package dev.policywatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.policywatch.testing.Ports;
import dev.policywatch.testing.hooks.PlatformReceiver;
import dev.policywatch.testing.hooks.PlatformReceiver.Platform;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 end to end on the whole system (embedded broker and PostgreSQL, a local site, GreenMail): a
 * local receiver per platform — Slack, WeCom, DingTalk (signed), Feishu (signed), Teams, a Standard
 * Webhooks receiver (signed) — checks what the real platform checks (message shape, size limit,
 * signature). One raised fine reaches each channel and email exactly once, in the subscription's
 * language (Chinese for the zh-CN ones, from the locale field or from Accept-Language); a Feishu bot that
 * answers HTTP 200 with a rate-limit code is retried, and after a permanent code (webhook invalid) its
 * subscription is disabled with Feishu's reason.
 */
class ChannelsEndToEndTest {

    private static final String ADMIN = "e2e-admin-token";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String SOURCE = "test-accounting-measures";
    private static final Pattern CONFIRM_LINK = Pattern.compile("(https?://[^\\s\"<>]+/subscriptions/confirm\\?token=[A-Za-z0-9._~%-]+)");
    private static final String DINGTALK_SECRET = "SECd2f1e0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6";
    private static final String FEISHU_SECRET = "fs8Kq2Lw9Xz4Rb7Tn1Vm";
    private static final String WHSEC = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwMfKQ9r8GKYo=";

    @TempDir
    Path dir;

    private FixtureServers.Site site;
    private GreenMail smtp;
    private final Map<Platform, PlatformReceiver> receivers = new EnumMap<>(Platform.class);
    private PlatformReceiver failingFeishu;
    private Standalone system;
    private FixtureServers.Api api;

    @BeforeEach
    void startParts() throws IOException {
        site = new FixtureServers.Site("accounting-v1.html");
        smtp = new GreenMail(new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        for (Platform p : Platform.values()) {
            receivers.put(p, new PlatformReceiver(p, secret(p)));
        }
        failingFeishu = new PlatformReceiver(Platform.FEISHU, null);
        List<String> origins = new ArrayList<>(receivers.values().stream().map(PlatformReceiver::origin).toList());
        origins.add(failingFeishu.origin());
        Path sources = dir.resolve("sources.yml");
        Files.writeString(sources, """
                sources:
                  - id: %s
                    name: 测试省会计管理办法
                    url: %s
                    publisher: 测试省财政厅
                    jurisdiction: CN
                    kind: page
                    content: "#content"
                    every: PT1H
                """.formatted(SOURCE, site.url("/regulation.html")), StandardCharsets.UTF_8);
        int port = Ports.free();
        system = Standalone.start(StandaloneOptions.defaults()
                .withDataDir(dir.resolve("data"))
                .withPort(port)
                .withSources(sources)
                .withProperty("policywatch.embedded-kafka.port", "0")
                .withProperty("policywatch.admin-token", ADMIN)
                .withProperty("policywatch.public-url", "http://127.0.0.1:" + port)
                .withProperty("policywatch.crawler.per-host-delay", "0s")
                .withProperty("policywatch.notifier.delivery.backoff", "300ms")
                .withProperty("policywatch.notifier.delivery.max-backoff", "2s")
                .withProperty("policywatch.notifier.email.from", "policywatch@test.example")
                .withProperty("policywatch.notifier.email.smtp.host", "127.0.0.1")
                .withProperty("policywatch.notifier.email.smtp.port", String.valueOf(smtp.getSmtp().getPort()))
                .withProperty("policywatch.notifier.webhook.allowed-hosts", String.join(",", origins)));
        api = new FixtureServers.Api(system.url(), ADMIN);
    }

    @AfterEach
    void stopParts() {
        if (system != null) {
            system.close();
        }
        receivers.values().forEach(PlatformReceiver::close);
        failingFeishu.close();
        smtp.stop();
        site.close();
    }

    private static String secret(Platform p) {
        return switch (p) {
            case DINGTALK -> DINGTALK_SECRET;
            case FEISHU -> FEISHU_SECRET;
            case WEBHOOK -> WHSEC;
            default -> null;
        };
    }

    /** zh-CN for the Chinese-speaking teams' channels, English for the others. */
    private static boolean chinese(Platform p) {
        return p == Platform.WECOM || p == Platform.DINGTALK || p == Platform.SLACK;
    }

    @Test
    void oneChangeReachesEveryChannelOnceInItsLanguageAndAPermanentErrorDisablesTheSubscription() throws Exception {
        api.crawl(SOURCE);
        await().atMost(WAIT).untilAsserted(() -> assertThat(api.get("/api/changes?kind=BASELINE").path("items")).hasSize(1));

        for (Platform p : Platform.values()) {
            PlatformReceiver r = receivers.get(p);
            String secret = secret(p) == null ? "" : ",\"secret\":\"" + secret(p) + "\"";
            // WeCom's language comes from the browser's Accept-Language, the others' from the locale field
            String locale = p == Platform.WECOM ? "" : ",\"locale\":\"" + (chinese(p) ? "zh-CN" : "en") + "\"";
            api.post("/api/subscriptions", "{\"channel\":\"" + p.name().toLowerCase() + "\",\"target\":\"" + r.url()
                    + "\"" + secret + locale + "}", 201, "Accept-Language", "zh-CN,zh;q=0.9");
        }
        failingFeishu.script(n -> n == 1 ? failingFeishu.error(11232, "frequency limited")
                : failingFeishu.error(19001, "param invalid: incoming webhook access token invalid"));
        String failing = api.post("/api/subscriptions", "{\"channel\":\"feishu\",\"target\":\"" + failingFeishu.url()
                + "\",\"locale\":\"en\"}", 201).path("id").asText();
        JsonNode email = api.post("/api/subscriptions", "{\"channel\":\"email\",\"target\":\"analyst@test.example\","
                + "\"locale\":\"zh-CN\"}", 201);
        await().atMost(WAIT).until(() -> smtp.getReceivedMessages().length == 1);
        MimeMessage confirmation = smtp.getReceivedMessages()[0];
        assertThat(confirmation.getSubject()).contains("确认");
        Matcher link = CONFIRM_LINK.matcher(decoded(confirmation));
        assertThat(link.find()).isTrue();
        HttpResponse<String> confirmed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link.group(1)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(api.get("/api/subscriptions/" + email.path("id").asText()).path("status").asText()).isEqualTo("active");

        // the fine is raised: one UPDATED change
        site.show("accounting-v3.html");
        api.crawl(SOURCE);
        await().atMost(WAIT).until(() -> receivers.values().stream().allMatch(r -> r.accepted().size() == 1)
                && smtp.getReceivedMessages().length == 2);
        // exactly once: nothing more arrives, and no receiver refused a message (shape, size, signature)
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                receivers.values().stream().allMatch(r -> r.received().size() == 1) && smtp.getReceivedMessages().length == 2);
        for (Platform p : Platform.values()) {
            PlatformReceiver r = receivers.get(p);
            assertThat(r.rejected()).as(p.name()).isEmpty();
            String body = r.accepted().get(0).body();
            if (p == Platform.WEBHOOK) {
                assertThat(r.accepted().get(0).json().path("kind").asText()).isEqualTo("UPDATED");
                assertThat(r.accepted().get(0).headers()).containsKeys("webhook-id", "webhook-signature");
            } else if (chinese(p)) {
                assertThat(body).as(p.name()).contains("查看变更").contains("修改").doesNotContain("View the change");
            } else {
                assertThat(body).as(p.name()).contains("View the change").contains("modified").doesNotContain("查看变更");
            }
            if (p != Platform.WEBHOOK) {
                assertThat(body).as(p.name()).contains("罚款 5千–3万元 → 1万–10万元");
            }
        }
        MimeMessage alert = smtp.getReceivedMessages()[1];
        assertThat(alert.getSubject()).contains("罚款");
        assertThat(alert.getHeader("Content-Language")[0]).isEqualTo("zh-CN");
        assertThat(decoded(alert)).contains("查看变更").contains("年").doesNotContain("View the change");

        // the Feishu bot that answered 11232 (rate limited) was retried; its 19001 disabled the subscription
        await().atMost(WAIT).until(() -> "broken".equals(api.get("/api/subscriptions/" + failing).path("status").asText()));
        JsonNode view = api.get("/api/subscriptions/" + failing);
        assertThat(view.path("statusReason").asText()).contains("Feishu error 19001").contains("invalid");
        assertThat(failingFeishu.accepted()).hasSize(2);
        assertThat(api.get("/api/subscriptions").toString()).doesNotContain(DINGTALK_SECRET, FEISHU_SECRET, WHSEC);
    }

    /** Every text part of a message, decoded. */
    private static String decoded(jakarta.mail.Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof jakarta.mail.Multipart multipart) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < multipart.getCount(); i++) {
                parts.add(decoded(multipart.getBodyPart(i)));
            }
            return parts.stream().collect(Collectors.joining("\n"));
        }
        return String.valueOf(content);
    }
}
