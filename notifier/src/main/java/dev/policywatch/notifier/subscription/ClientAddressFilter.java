package dev.policywatch.notifier.subscription;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.net.InetAddress;
import java.util.List;

/**
 * Resolves the client address of each subscriptions request ({@link ClientAddress}, with the trusted
 * proxies of {@code policywatch.notifier.signup.trusted-proxies}) and leaves it in a request attribute
 * for the signup limit. Only the notifier's own paths; an invalid setting fails the start.
 */
@ServerFilter({"/api/subscriptions", "/api/subscriptions/**"})
@Requires(property = "policywatch.notifier.enabled", notEquals = "false")
final class ClientAddressFilter {

    private final ClientAddress addresses;

    ClientAddressFilter(@Property(name = ClientAddress.TRUSTED_PROXIES) @Nullable List<String> trustedProxies) {
        this.addresses = new ClientAddress(trustedProxies);
    }

    @RequestFilter
    void resolve(HttpRequest<?> request) {
        InetAddress peer = request.getRemoteAddress().getAddress();
        if (peer != null) {
            request.setAttribute(ClientAddress.ATTRIBUTE,
                    addresses.resolve(peer, request.getHeaders().getAll(ClientAddress.FORWARDED_FOR)));
        }
    }
}
