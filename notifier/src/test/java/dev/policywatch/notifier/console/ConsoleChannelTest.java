package dev.policywatch.notifier.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policywatch.events.EventJson;
import dev.policywatch.notifier.Fixtures;
import dev.policywatch.testing.Ports;
import dev.policywatch.testing.RealInfrastructure;
import dev.policywatch.testing.TestInfra;
import io.micronaut.context.ApplicationContext;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The demo's console channel: configured, active without confirmation, printing alerts to standard output. */
@ExtendWith(RealInfrastructure.class)
class ConsoleChannelTest {

    @Test
    void theConfiguredConsoleSubscriptionPrintsEachAlertToStandardOutput(TestInfra infra) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(new Tee(original, captured), true, StandardCharsets.UTF_8));
        int port = Ports.free();
        Map<String, Object> p = Fixtures.properties(infra, port);
        p.put("policywatch.notifier.console.enabled", true);
        ApplicationContext context = Fixtures.start(p);
        try (KafkaProducer<byte[], byte[]> producer = Fixtures.producer(infra)) {
            JsonNode all = EventJson.mapper().readTree(Fixtures.send("GET", "http://localhost:" + port
                    + "/api/subscriptions", null, "Authorization", "Bearer " + Fixtures.ADMIN).body());
            assertThat(all).hasSize(1);
            assertThat(all.get(0).get("channel").asText()).isEqualTo("console");
            assertThat(all.get(0).get("status").asText()).isEqualTo("active");
            var change = Fixtures.change("console-e2e", "生成式人工智能服务管理暂行办法", "标识", "显著标识");
            Fixtures.publish(producer, (String) p.get("policywatch.topics.changes"), change);
            await().atMost(Duration.ofSeconds(20)).until(() -> captured.toString(StandardCharsets.UTF_8)
                    .contains("/changes/" + change.changeId()));
            assertThat(captured.toString(StandardCharsets.UTF_8))
                    .contains("== policywatch alert: CAC: 生成式人工智能服务管理暂行办法");
        } finally {
            context.close();
            System.setOut(original);
        }
        // a restart does not create a second console subscription
        ApplicationContext again = Fixtures.start(p);
        try {
            JsonNode all = EventJson.mapper().readTree(Fixtures.send("GET", "http://localhost:" + port
                    + "/api/subscriptions", null, "Authorization", "Bearer " + Fixtures.ADMIN).body());
            assertThat(all).hasSize(1);
        } finally {
            again.close();
        }
        // turned off, the configured subscription stops (and stays one)
        p.put("policywatch.notifier.console.enabled", false);
        ApplicationContext off = Fixtures.start(p);
        try {
            JsonNode all = EventJson.mapper().readTree(Fixtures.send("GET", "http://localhost:" + port
                    + "/api/subscriptions", null, "Authorization", "Bearer " + Fixtures.ADMIN).body());
            assertThat(all).singleElement().satisfies(s -> assertThat(s.get("status").asText()).isEqualTo("unsubscribed"));
        } finally {
            off.close();
        }
    }

    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
