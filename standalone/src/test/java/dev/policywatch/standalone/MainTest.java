package dev.policywatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void runOptionsAreParsedWithDefaults() {
        StandaloneOptions o = Main.parse(new String[0]);
        assertThat(o.dataDir()).isEqualTo(Path.of("data"));
        assertThat(o.port()).isEqualTo(8080);
        assertThat(o.demo()).isFalse();
        assertThat(o.sources()).isNull();
    }

    @Test
    void everyOptionAndMicronautPropertiesAreTaken() {
        StandaloneOptions o = Main.parse(new String[] {"run", "--data-dir", "/tmp/pw", "--port=9090", "--demo",
                "-Dpolicywatch.admin-token=s3cret", "-Dkafka.bootstrap.servers=broker:9092"});
        assertThat(o.dataDir()).isEqualTo(Path.of("/tmp/pw"));
        assertThat(o.port()).isEqualTo(9090);
        assertThat(o.demo()).isTrue();
        assertThat(o.property("policywatch.admin-token")).hasValue("s3cret");
        assertThat(o.property("kafka.bootstrap.servers")).hasValue("broker:9092");
    }

    @Test
    void badArgumentsSayWhatIsWrong() {
        assertThatThrownBy(() -> Main.parse(new String[] {"--port", "eighty"})).hasMessage("--port needs a number, was eighty");
        assertThatThrownBy(() -> Main.parse(new String[] {"--sources", "/no/such/file.yml"}))
                .hasMessageContaining("sources file not found");
        assertThatThrownBy(() -> Main.parse(new String[] {"--frobnicate"})).hasMessage("unknown argument: --frobnicate");
        assertThatThrownBy(() -> Main.parse(new String[] {"--data-dir"})).hasMessage("--data-dir needs a value");
    }
}
