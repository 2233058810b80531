package dev.policywatch.notifier.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.policywatch.events.EventJson;
import dev.policywatch.notifier.Fixtures;
import dev.policywatch.testing.Ports;
import dev.policywatch.testing.RealInfrastructure;
import dev.policywatch.testing.TestInfra;
import io.micronaut.context.ApplicationContext;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** While the SMTP server is down, alerts wait; when it is back, each arrives exactly once. */
@ExtendWith(RealInfrastructure.class)
class SmtpOutageTest {

    private static final Pattern CONFIRM = Pattern.compile("(http://\\S+/subscriptions/confirm\\?token=[A-Za-z0-9_.-]+)");

    @Test
    void alertsQueuedWhileSmtpIsDownAreEachDeliveredExactlyOnceWhenItIsBack(TestInfra infra) throws Exception {
        int smtpPort = Ports.free();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        int port = Ports.free();
        Map<String, Object> p = Fixtures.properties(infra, port);
        p.put("policywatch.notifier.email.from", "alerts@policywatch.example");
        p.put("policywatch.notifier.email.smtp.host", "127.0.0.1");
        p.put("policywatch.notifier.email.smtp.port", smtpPort);
        p.put("policywatch.notifier.email.smtp.timeout", "2s");
        String topic = (String) p.get("policywatch.topics.changes");
        String base = "http://localhost:" + port;
        ApplicationContext context = Fixtures.start(p);
        try (KafkaProducer<byte[], byte[]> producer = Fixtures.producer(infra)) {
            JsonNode created = EventJson.mapper().readTree(Fixtures.send("POST", base + "/api/subscriptions",
                    "{\"channel\":\"email\",\"target\":\"ops@example.org\"}").body());
            String id = created.get("id").asText();
            assertThat(smtp.waitForIncomingEmail(15_000, 1)).isTrue();
            Matcher m = CONFIRM.matcher((String) ((MimeMultipart) smtp.getReceivedMessages()[0].getContent())
                    .getBodyPart(0).getContent());
            assertThat(m.find()).isTrue();
            assertThat(Fixtures.send("GET", m.group(1), null).statusCode()).isEqualTo(200);
            smtp.stop();

            for (int i = 0; i < 3; i++) {
                Fixtures.publish(producer, topic, Fixtures.change("down" + i, "outage " + i, "a", "b"));
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode d = view(base, id).get("deliveries");
                assertThat(d.get("pending").asInt()).isEqualTo(3);
                assertThat(d.get("lastError")).as("a failed attempt was recorded").isNotNull();
                assertThat(d.get("lastError").asText()).contains("unreachable");
            });

            GreenMail back = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            back.start();
            try {
                assertThat(back.waitForIncomingEmail(30_000, 3)).isTrue();
                await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                        .untilAsserted(() -> assertThat(back.getReceivedMessages()).hasSize(3));
                assertThat(Arrays.stream(back.getReceivedMessages()).map(SmtpOutageTest::subject).distinct())
                        .hasSize(3).allMatch(s -> s.contains("outage"));
                JsonNode d = view(base, id).get("deliveries");
                assertThat(d.get("sent").asInt()).isEqualTo(4); // the confirmation and the three alerts
                assertThat(d.get("pending").asInt()).isZero();
            } finally {
                back.stop();
            }
        } finally {
            context.close();
        }
    }

    private static JsonNode view(String base, String id) throws Exception {
        return EventJson.mapper().readTree(Fixtures.send("GET", base + "/api/subscriptions/" + id, null,
                "Authorization", "Bearer " + Fixtures.ADMIN).body());
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
