package dev.policywatch.notifier.ssrf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policywatch.net.AddressPolicy;
import dev.policywatch.net.HostResolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookPolicyTest {

    /** A resolver of a few fixed names (a function host → addresses, like DNS). */
    private static final HostResolver RESOLVER = host -> {
        Map<String, String> names = Map.of(
                "hooks.slack.com", "52.89.214.238",
                "internal.example.org", "10.1.2.3",
                "rebind.example.org", "52.1.1.1,192.168.1.10",
                "localhost", "127.0.0.1",
                "v6.example.org", "2a00:1450:4001:82b::200e");
        String a = names.get(host);
        if (a == null) {
            throw new UnknownHostException(host);
        }
        List<InetAddress> out = new java.util.ArrayList<>();
        for (String s : a.split(",")) {
            out.add(InetAddress.getByName(s));
        }
        return out;
    };

    private static final List<String> SSRF_HOSTS = List.of("169.254.169.254", "2852039166", "0xa9fea9fe", "127.1",
            "[::1]", "[::ffff:169.254.169.254]", "[64:ff9b::a9fe:a9fe]", "localhost.", "internal.example.org",
            "rebind.example.org", "0.0.0.0", "100.100.100.200", "[fd00:ec2::254]", "[fe80::1]", "017700000001",
            "[2002:a9fe:a9fe::1]", "[::a9fe:a9fe]", "localhost", "172.16.0.1", "192.168.0.1");

    @ParameterizedTest
    @ValueSource(strings = {"https://169.254.169.254/latest/meta-data/", "https://2852039166/", "https://0xA9FEA9FE/",
            "https://127.1/", "https://[::1]/", "https://[::ffff:169.254.169.254]/", "https://[64:ff9b::a9fe:a9fe]/",
            "https://localhost./", "https://internal.example.org/hook", "https://rebind.example.org/hook",
            "https://0.0.0.0/", "https://100.100.100.200/", "https://[fd00:ec2::254]/", "https://[fe80::1]/",
            "https://017700000001/", "https://[2002:a9fe:a9fe::1]/", "https://[::a9fe:a9fe]/", "https://localhost/",
            "https://172.16.0.1/", "https://192.168.0.1/"})
    void neverPostsToNonPublicAddressesEvenWhenTheHostIsListed(String url) {
        WebhookPolicy listed = new WebhookPolicy(SSRF_HOSTS, RESOLVER);
        WebhookPolicy slackOnly = new WebhookPolicy(List.of("hooks.slack.com"), RESOLVER);
        assertThatThrownBy(() -> listed.check(url)).isInstanceOf(WebhookRejected.class);
        assertThatThrownBy(() -> slackOnly.check(url)).isInstanceOf(WebhookRejected.class)
                .hasMessageContaining("not in policywatch.notifier.webhook.allowed-hosts");
    }

    /** Forms the crawler's old guard let through or neither suite tried: each host allow-listed, still refused. */
    @ParameterizedTest
    @ValueSource(strings = {"https://[::]/", "https://[0:0:0:0:0:ffff:7f00:1]/", "https://0177.0.0.1/",
            "https://0x7f.0.0.1/", "https://127.0.0.1./", "https://[fd00::1]/", "https://[2001:db8::1]/",
            "https://192.0.2.1/", "https://198.51.100.1/", "https://203.0.113.1/", "https://[64:ff9b::7f00:1]/",
            "https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", "https://224.0.0.1/", "https://255.255.255.255/",
            "https://10.0.0.1/", "https://100.64.0.1/", "https://[::127.0.0.1]/", "https://[2002:7f00:1::1]/",
            "https://[3fff::1]/", "https://198.18.0.1/", "https://192.0.0.170/", "https://169.254.43518/",
            "https://0251.0376.0251.0376/", "https://[fe80::1%25eth0]/", "https://sub.localhost/"})
    void theOnePolicyRefusesWhatEitherFormerGuardRefused(String url) {
        String host = java.net.URI.create(url).getRawAuthority();
        WebhookPolicy listed = new WebhookPolicy(List.of(host.endsWith(".") ? host.substring(0, host.length() - 1)
                : host, host), RESOLVER);
        assertThatThrownBy(() -> listed.check(url)).as(url).isInstanceOf(WebhookRejected.class);
    }

    @Test
    void aNameResolvingToAPrivateAddressIsRejectedWithTheReason() {
        WebhookPolicy policy = new WebhookPolicy(List.of("internal.example.org"), RESOLVER);
        assertThatThrownBy(() -> policy.check("https://internal.example.org/hook"))
                .hasMessageContaining("resolves to 10.1.2.3, which is not a public address");
    }

    @Test
    void aBareHostAllowsHttpsToAPublicAddressAndPinsIt() throws Exception {
        WebhookPolicy policy = new WebhookPolicy(List.of("hooks.slack.com"), RESOLVER);
        CheckedTarget t = policy.check("https://hooks.slack.com/services/T000/B000/XXXX");
        assertThat(t.address().getHostAddress()).isEqualTo("52.89.214.238");
        assertThat(t.host()).isEqualTo("hooks.slack.com");
        assertThat(t.port()).isEqualTo(443);
        assertThat(t.pathAndQuery()).isEqualTo("/services/T000/B000/XXXX");
        assertThat(t.toString()).doesNotContain("XXXX");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://hooks.slack.com/services/x", "https://hooks.slack.com:8443/services/x",
            "https://hooks.slack.com.evil.example/x", "https://hooks.slack.com@169.254.169.254/x",
            "https://user@hooks.slack.com/x", "ftp://hooks.slack.com/x", "https://hooks.slack.com./x",
            "https://hooks.slack.com/x\r\nHost: evil", "not a url", ""})
    void aBareHostAllowsOnlyHttpsOnPort443ToExactlyThatHost(String url) {
        WebhookPolicy policy = new WebhookPolicy(List.of("hooks.slack.com"), RESOLVER);
        assertThatThrownBy(() -> policy.check(url)).isInstanceOf(WebhookRejected.class);
    }

    @Test
    void anOriginEntryAllowsExactlyThatPrivateOrigin() throws Exception {
        WebhookPolicy policy = new WebhookPolicy(List.of("http://127.0.0.1:9000"), RESOLVER);
        assertThat(policy.check("http://127.0.0.1:9000/hook").address().getHostAddress()).isEqualTo("127.0.0.1");
        assertThatThrownBy(() -> policy.check("http://127.0.0.1:9001/hook")).isInstanceOf(WebhookRejected.class);
        assertThatThrownBy(() -> policy.check("https://127.0.0.1:9000/hook")).isInstanceOf(WebhookRejected.class);
        assertThatThrownBy(() -> policy.check("http://127.1:9000/hook")).isInstanceOf(WebhookRejected.class);
    }

    @Test
    void publicAddressesArePublic() throws Exception {
        assertThat(AddressPolicy.isPublic(InetAddress.getByName("8.8.8.8"))).isTrue();
        assertThat(AddressPolicy.isPublic(InetAddress.getByName("2a00:1450:4001:82b::200e"))).isTrue();
        assertThat(AddressPolicy.isPublic(InetAddress.getByName("100.64.0.1"))).isFalse();
        assertThat(AddressPolicy.isPublic(InetAddress.getByName("64:ff9b:1::a9fe:a9fe"))).isFalse();
        assertThat(AddressPolicy.isPublic(InetAddress.getByName("2001:0:4136:e378:8000:63bf:3fff:fdd2"))).isFalse();
    }
}
