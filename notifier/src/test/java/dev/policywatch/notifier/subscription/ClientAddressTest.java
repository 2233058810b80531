package dev.policywatch.notifier.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Which address the signup limit counts: pure resolution of the peer and X-Forwarded-For. */
class ClientAddressTest {

    private static final ClientAddress LOOPBACK = new ClientAddress(null);
    private static final ClientAddress BEHIND_PROXIES = new ClientAddress(List.of("127.0.0.0/8", "::1", "10.0.0.0/8"));

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> headers(String... values) {
        return Arrays.asList(values);
    }

    @Test
    void aSpoofedForwardedForFromAnUntrustedPeerIsIgnored() {
        assertThat(LOOPBACK.resolve(ip("203.0.113.9"), headers("198.51.100.1"))).isEqualTo("203.0.113.9");
        assertThat(BEHIND_PROXIES.resolve(ip("203.0.113.9"), headers("127.0.0.1, 10.0.0.1")))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void theVisitorNamedByTheLocalWebUiIsTheClient() {
        assertThat(LOOPBACK.resolve(ip("127.0.0.1"), headers("198.51.100.1"))).isEqualTo("198.51.100.1");
        assertThat(LOOPBACK.resolve(ip("::1"), headers("198.51.100.2"))).isEqualTo("198.51.100.2");
    }

    @Test
    void entriesAClientPutLeftOfItsRealAddressAreIgnored() {
        // the visitor sent "X-Forwarded-For: 6.6.6.6"; the web UI appended the address it really saw
        assertThat(LOOPBACK.resolve(ip("127.0.0.1"), headers("6.6.6.6, 198.51.100.1"))).isEqualTo("198.51.100.1");
    }

    @Test
    void aChainOfTrustedProxiesIsWalkedFromTheRightToTheFirstUntrustedAddress() {
        assertThat(BEHIND_PROXIES.resolve(ip("127.0.0.1"), headers("6.6.6.6, 198.51.100.1, 10.1.2.3, 10.9.9.9")))
                .isEqualTo("198.51.100.1");
        // several header lines form one chain, in order
        assertThat(BEHIND_PROXIES.resolve(ip("127.0.0.1"), headers("6.6.6.6", "198.51.100.1, 10.1.2.3")))
                .isEqualTo("198.51.100.1");
    }

    @Test
    void withoutForwardedForTheTrustedPeerItselfIsTheClient() {
        assertThat(LOOPBACK.resolve(ip("127.0.0.1"), headers())).isEqualTo("127.0.0.1");
        assertThat(LOOPBACK.resolve(ip("127.0.0.1"), null)).isEqualTo("127.0.0.1");
        // every hop trusted: the left-most (a visitor on the same host)
        assertThat(BEHIND_PROXIES.resolve(ip("127.0.0.1"), headers("10.0.0.7"))).isEqualTo("10.0.0.7");
    }

    @ParameterizedTest(name = "X-Forwarded-For: {0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "198.51.100.1:5555; 198.51.100.1",
            "[2001:db8::7]:443; 2001:db8:0:0:0:0:0:7",
            "2001:db8::7; 2001:db8:0:0:0:0:0:7",
            "unknown; 127.0.0.1",
            "198.51.100.1, unknown; 127.0.0.1",
            "evil.example; 127.0.0.1",
            "999.1.1.1; 127.0.0.1",
            "' , ,'; 127.0.0.1",
    })
    void entriesAreIpLiteralsWithOptionalPortsAndAnythingElseStopsTheWalk(String header, String client) {
        assertThat(LOOPBACK.resolve(ip("127.0.0.1"), headers(header))).isEqualTo(client);
    }

    @Test
    void noneTrustsNoProxy() {
        ClientAddress none = new ClientAddress(List.of("none"));
        assertThat(none.resolve(ip("127.0.0.1"), headers("198.51.100.1"))).isEqualTo("127.0.0.1");
    }

    @Test
    void aCommaSeparatedSettingAndSingleAddressesWork() {
        ClientAddress c = new ClientAddress(List.of("192.0.2.10, 2001:db8::/32"));
        assertThat(c.isTrusted(ip("192.0.2.10"))).isTrue();
        assertThat(c.isTrusted(ip("192.0.2.11"))).isFalse();
        assertThat(c.isTrusted(ip("2001:db8:ffff::1"))).isTrue();
        assertThat(c.isTrusted(ip("2001:db9::1"))).isFalse();
        assertThat(c.isTrusted(ip("127.0.0.1"))).isFalse();
        assertThat(new ClientAddress(List.of("172.16.0.0/12")).isTrusted(ip("172.31.255.1"))).isTrue();
        assertThat(new ClientAddress(List.of("172.16.0.0/12")).isTrusted(ip("172.32.0.1"))).isFalse();
    }

    @Test
    void anInvalidSettingIsRefusedNamingTheKeyAndTheEntry() {
        assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.0/33")))
                .hasMessageContaining(ClientAddress.TRUSTED_PROXIES).hasMessageContaining("10.0.0.0/33");
        assertThatThrownBy(() -> new ClientAddress(List.of("proxy.internal")))
                .hasMessageContaining(ClientAddress.TRUSTED_PROXIES).hasMessageContaining("proxy.internal");
    }
}
