package dev.policywatch.notifier.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.EventJson;
import dev.policywatch.events.Language;
import dev.policywatch.notifier.Fixtures;
import dev.policywatch.notifier.delivery.AlertText;
import dev.policywatch.testing.Ports;
import dev.policywatch.testing.RealInfrastructure;
import dev.policywatch.testing.TemplateText;
import dev.policywatch.testing.TestInfra;
import io.micronaut.context.ApplicationContext;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Email alerts end to end: real broker, database, SMTP server (GreenMail) and HTTP. */
@ExtendWith(RealInfrastructure.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmailAlertsTest {

    private static final Pattern CONFIRM = Pattern.compile("(http://\\S+/subscriptions/confirm\\?token=[A-Za-z0-9_.-]+)");

    private GreenMail smtp;
    private ApplicationContext context;
    private KafkaProducer<byte[], byte[]> producer;
    private String base;
    private String changesTopic;
    private TestInfra infra;

    @BeforeAll
    void start(TestInfra infra) {
        this.infra = infra;
        int smtpPort = Ports.free();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        int port = Ports.free();
        Map<String, Object> p = Fixtures.properties(infra, port);
        p.put("policywatch.notifier.email.from", "alerts@policywatch.example");
        p.put("policywatch.notifier.email.smtp.host", "127.0.0.1");
        p.put("policywatch.notifier.email.smtp.port", smtpPort);
        p.put("policywatch.notifier.signup.per-hour", 3);
        changesTopic = (String) p.get("policywatch.topics.changes");
        context = Fixtures.start(p);
        base = "http://localhost:" + port;
        producer = Fixtures.producer(infra);
    }

    @AfterAll
    void stop() {
        producer.close();
        context.close();
        smtp.stop();
    }

    @Test
    @Order(1)
    void confirmedAddressGetsOneEscapedMultipartAlertAndCanUnsubscribeWithOneClick() throws Exception {
        HttpResponse<String> created = Fixtures.send("POST", base + "/api/subscriptions",
                "{\"channel\":\"email\",\"target\":\"reader@example.org\",\"filters\":{\"keywords\":[\"人工智能\"]}}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = EventJson.mapper().readTree(created.body());
        String id = body.get("id").asText();
        String manage = body.get("manageToken").asText();
        assertThat(body.get("status").asText()).isEqualTo("pending_confirmation");

        // the confirmation email, and nothing else before the address confirms
        assertThat(smtp.waitForIncomingEmail(15_000, 1)).isTrue();
        MimeMessage confirmation = smtp.getReceivedMessages()[0];
        assertThat(confirmation.getSubject()).isEqualTo("[policywatch] Confirm your subscription");
        Fixtures.publish(producer, changesTopic, Fixtures.change("before", "生成式人工智能服务管理暂行办法", "旧", "新"));
        awaitConsumed(1);

        Matcher m = CONFIRM.matcher(text(confirmation));
        assertThat(m.find()).isTrue();
        HttpResponse<String> page = Fixtures.send("GET", m.group(1), null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Subscription confirmed");
        assertThat(page.headers().firstValue("set-cookie")).isEmpty();
        assertThat(Fixtures.send("GET", m.group(1), null).statusCode()).isEqualTo(200); // idempotent
        // the page in the subscription's language (English here), whatever the browser asks for; the web UI's
        // language cookie (same origin) is the reader's explicit choice and wins; a bad link follows the browser
        assertThat(Fixtures.send("GET", m.group(1), null, "Accept-Language", "zh-CN,zh;q=0.9").body())
                .contains("<html lang=\"en\">").contains("Subscription confirmed");
        HttpResponse<String> chinese = Fixtures.send("GET", m.group(1), null, "Accept-Language", "en", "Cookie", "pw_lang=zh-CN");
        assertThat(chinese.body()).contains("<html lang=\"zh-CN\">").contains("<h1>订阅已确认</h1>")
                .contains("reader@example.org 将从下一次符合条件的变化开始收到提醒。").doesNotContain("Subscription confirmed");
        assertThat(Fixtures.send("GET", m.group(1).replaceAll("token=.{4}", "token=AAAA"), null, "Accept-Language", "zh-CN")
                .body()).contains("此确认链接无效");

        String title = "<script>alert(1)</script>生成式人工智能服务管理暂行办法\r\nBcc: victim@evil.example";
        DocumentChange change = Fixtures.change("after", title, "对生成内容进行标识", "对图片、视频等生成内容进行<b>显著</b>标识");
        Fixtures.publish(producer, changesTopic, change);
        assertThat(smtp.waitForIncomingEmail(15_000, 2)).isTrue();
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(smtp.getReceivedMessages()).hasSize(2));

        MimeMessage alert = smtp.getReceivedMessages()[1];
        assertThat(alert.getAllRecipients()).extracting(Address::toString).containsExactly("reader@example.org");
        assertThat(alert.getHeader("Bcc")).isNull();
        assertThat(alert.getSubject()).startsWith("[policywatch] CAC: <script>alert(1)</script>生成式人工智能服务管理暂行办法")
                .endsWith("— 1 modified").doesNotContain("\r").doesNotContain("\n");
        assertThat(alert.getHeader("List-Unsubscribe")[0]).matches("<http://localhost:\\d+/unsubscribe\\?token=[^>]+>");
        assertThat(alert.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(alert.getMessageID()).matches("<delivery-\\d+@localhost>");
        MimeMultipart parts = (MimeMultipart) alert.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getCount()).isEqualTo(2);
        String plain = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat(plain).contains("第十条 (modified)").contains("[-对生成内容进行标识-]").contains("/changes/" + change.changeId());
        assertThat(html).doesNotContain("<script>").doesNotContain("<b>显著</b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("<ins").contains("<del")
                .contains("/changes/" + change.changeId());

        // GET on the unsubscribe link changes nothing; POST (one-click) unsubscribes, idempotently
        String unsubscribe = alert.getHeader("List-Unsubscribe")[0].replaceAll("^<|>$", "");
        HttpResponse<String> unsubscribePage = Fixtures.send("GET", unsubscribe, null);
        assertThat(unsubscribePage.statusCode()).isEqualTo(200);
        assertThat(unsubscribePage.body()).contains("<form method=\"post\"").contains("<html lang=\"en\">")
                .contains("<button type=\"submit\">Unsubscribe</button>");
        assertThat(Fixtures.send("GET", unsubscribe, null, "Cookie", "pw_lang=zh-CN").body())
                .contains("<button type=\"submit\">退订</button>").contains("退订 policywatch 提醒？");
        assertThat(status(id, manage)).isEqualTo("active");
        HttpResponse<String> oneClick = Fixtures.send("POST", unsubscribe, "List-Unsubscribe=One-Click",
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(oneClick.headers().firstValue("set-cookie")).isEmpty();
        assertThat(status(id, manage)).isEqualTo("unsubscribed");
        assertThat(Fixtures.send("POST", unsubscribe, "List-Unsubscribe=One-Click",
                "Content-Type", "application/x-www-form-urlencoded").statusCode()).isEqualTo(200);
        assertThat(status(id, manage)).isEqualTo("unsubscribed");

        // every page of the notifier in zh-CN, on this subscription's real links: no English word of ours left
        String[] zh = {"Cookie", "pw_lang=zh-CN"};
        List<HttpResponse<String>> chinesePages = new ArrayList<>(List.of(chinese,
                Fixtures.send("GET", m.group(1), null, zh), // inactive: the subscription was unsubscribed
                Fixtures.send("GET", m.group(1).replaceAll("token=.{4}", "token=AAAA"), null, zh), // link-invalid
                Fixtures.send("GET", unsubscribe, null, zh), // the unsubscribe question
                Fixtures.send("POST", unsubscribe, "List-Unsubscribe=One-Click", "Content-Type",
                        "application/x-www-form-urlencoded", zh[0], zh[1]), // unsubscribed
                Fixtures.send("GET", unsubscribe.replaceAll("token=.{4}", "token=AAAA"), null, zh)));
        assertThat(Fixtures.send("DELETE", base + "/api/subscriptions/" + id, null, "X-Manage-Token", manage)
                .statusCode()).isBetween(200, 204);
        chinesePages.add(Fixtures.send("GET", m.group(1), null, zh)); // gone
        assertThat(chinesePages).extracting(HttpResponse::statusCode).contains(200, 400, 404);
        Map<String, String> en = TemplateText.bundle(AlertText.BASE, Language.EN);
        Map<String, String> zhText = TemplateText.bundle(AlertText.BASE, Language.ZH_CN);
        for (HttpResponse<String> response : chinesePages) {
            org.jsoup.nodes.Document shown = org.jsoup.Jsoup.parse(response.body());
            assertThat(shown.selectFirst("html").attr("lang")).as(response.uri().toString()).isEqualTo("zh-CN");
            assertThat(TemplateText.englishLeft(TemplateText.interfaceText(shown), en, zhText))
                    .as(response.statusCode() + " " + shown.title()).isEmpty();
        }
    }

    @Test
    @Order(3)
    void signupAnswersTheSameForAKnownAddressAndIsRateLimitedPerClientButNotForTheAdmin() throws Exception {
        String request = "{\"channel\":\"email\",\"target\":\"known@example.org\"}";
        JsonNode first = EventJson.mapper().readTree(Fixtures.send("POST", base + "/api/subscriptions", request).body());
        HttpResponse<String> again = Fixtures.send("POST", base + "/api/subscriptions", request);
        JsonNode second = EventJson.mapper().readTree(again.body());
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(second.get("status")).isEqualTo(first.get("status"));
        assertThat(iterable(second.fieldNames())).containsExactlyElementsOf(iterable(first.fieldNames()));
        // the limit is 3 per hour and the first test used one: the next signup is refused
        HttpResponse<String> limited = null;
        for (int i = 0; i < 3; i++) {
            limited = Fixtures.send("POST", base + "/api/subscriptions", "{\"channel\":\"email\",\"target\":\"x" + i
                    + "@example.org\"}");
        }
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("content-type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(Fixtures.send("POST", base + "/api/subscriptions", request, "Authorization", "Bearer " + Fixtures.ADMIN)
                .statusCode()).isEqualTo(201);
    }

    @Test
    void invalidInputIsA400ProblemNamingTheField() {
        Map<String, String> cases = Map.of(
                "{\"channel\":\"email\",\"target\":\"a@example.org\\r\\nBcc: b@example.org\"}", "line breaks",
                "{\"channel\":\"email\",\"target\":\"not an address\"}", "not a valid email address",
                "{\"channel\":\"pigeon\",\"target\":\"x\"}", "channel must be",
                "{\"channel\":\"slack\",\"target\":\"https://169.254.169.254/latest\"}", "allowed-hosts",
                "{\"channel\":\"slack\",\"target\":\"https://hooks.slack.com/x\",\"mode\":\"weekly\"}", "mode must be",
                "{\"channel\":\"email\",\"target\":\"a@example.org\",\"filters\":{\"changeTypes\":[\"EDITED\"]}}", "changeTypes",
                "{\"channel\":\"email\",\"target\":\"a@example.org\",\"filters\":{\"significance\":\"EDITORIAL\"}}", "filters.significance must be",
                "{\"channel\":\"email\",\"target\":\"a@example.org\",\"filters\":{\"facts\":[\"PENALTY\"]}}", "filters.facts",
                "[1,2]", "JSON object",
                "{not json", "not valid JSON");
        cases.forEach((body, detail) -> {
            HttpResponse<String> r = Fixtures.send("POST", base + "/api/subscriptions", body,
                    "Authorization", "Bearer " + Fixtures.ADMIN);
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("application/problem+json");
            assertThat(r.body()).as(body).contains(detail);
        });
        assertThat(Fixtures.send("GET", base + "/api/subscriptions", null).statusCode()).isEqualTo(401);
        assertThat(Fixtures.send("GET", base + "/api/subscriptions", null, "Authorization", "Bearer " + Fixtures.ADMIN)
                .statusCode()).isEqualTo(200);
        assertThat(Fixtures.send("POST", base + "/api/subscriptions", "{\"channel\":\"console\"}").statusCode())
                .isEqualTo(401);
    }

    private String status(String id, String manageToken) throws Exception {
        HttpResponse<String> r = Fixtures.send("GET", base + "/api/subscriptions/" + id, null, "X-Manage-Token", manageToken);
        assertThat(r.statusCode()).isEqualTo(200);
        return EventJson.mapper().readTree(r.body()).get("status").asText();
    }

    private void awaitConsumed(long records) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap()))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> admin.listConsumerGroupOffsets(infra.name("notifier"))
                    .partitionsToOffsetAndMetadata().get().values().stream().mapToLong(o -> o.offset()).sum() >= records);
        }
    }

    private static String text(MimeMessage m) throws Exception {
        MimeMultipart mp = (MimeMultipart) m.getContent();
        BodyPart plain = mp.getBodyPart(0);
        return (String) plain.getContent();
    }

    private static <T> java.util.List<T> iterable(java.util.Iterator<T> it) {
        java.util.List<T> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
