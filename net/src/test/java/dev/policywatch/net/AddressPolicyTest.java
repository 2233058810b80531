package dev.policywatch.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The union of what the crawler's and the notifier's guards refused, and what neither did before. */
class AddressPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {
            // IPv4: private, loopback, link-local and metadata, CGNAT, reserved, special purpose
            "0.0.0.0", "0.1.2.3", "10.0.0.1", "10.255.255.255", "127.0.0.1", "127.255.255.254", "169.254.169.254",
            "169.254.0.1", "172.16.0.1", "172.31.255.255", "192.168.0.1", "192.168.255.255", "100.64.0.1",
            "100.100.100.200", "100.127.255.255", "192.0.0.8", "192.0.2.1", "198.51.100.7", "203.0.113.9",
            "192.88.99.1", "198.18.0.1", "198.19.255.255", "192.31.196.1", "192.52.193.1", "192.175.48.1",
            "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255",
            // IPv6: loopback, unspecified, embedded or translated IPv4, local scopes, documentation
            "::", "::1", "::ffff:169.254.169.254", "::a9fe:a9fe", "::8.8.8.8",
            "64:ff9b::a9fe:a9fe", "64:ff9b::808:808", "64:ff9b:1::a9fe:a9fe", "2002:a9fe:a9fe::1", "2002:808:808::1",
            "2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001::1", "2001:db8::1", "3fff::1", "100::1",
            "fc00::1", "fd00:ec2::254", "fe80::1", "fec0::1", "ff02::1", "4000::1", "1::1"})
    void refusesEveryNonPublicAddress(String literal) throws Exception {
        assertThat(AddressPolicy.isPublic(InetAddress.getByName(literal))).as(literal).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "52.89.214.238", "100.63.255.255", "100.128.0.1", "172.15.255.255",
            "172.32.0.1", "192.0.3.1", "198.17.255.255", "198.20.0.1", "223.255.255.255",
            "2a00:1450:4001:82b::200e", "2606:4700::1111", "2001:4860:4860::8888", "2001:200::1"})
    void acceptsPublicAddresses(String literal) throws Exception {
        assertThat(AddressPolicy.isPublic(InetAddress.getByName(literal))).as(literal).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2852039166", "0xa9fea9fe", "0xA9FEA9FE", "0251.0376.0251.0376", "169.254.43518",
            "127.1", "017700000001", "0x7f.1", "[::1]", "[::ffff:127.0.0.1]", "0"})
    void ipLiteralsInEveryInetAtonSpellingAreTheirAddresses(String host) {
        InetAddress parsed = IpLiterals.parse(host);
        assertThat(parsed).as(host).isNotNull();
        assertThat(AddressPolicy.isPublic(parsed)).as(host).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hooks.slack.com", "example.org", "1.example", "xn--fiqs8s.cn"})
    void namesAreNotLiterals(String host) {
        assertThat(IpLiterals.parse(host)).as(host).isNull();
    }
}
