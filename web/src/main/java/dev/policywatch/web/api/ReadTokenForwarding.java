package dev.policywatch.web.api;

import dev.policywatch.support.PolicywatchSettings;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;

/**
 * Sends {@code policywatch.read-token}, when it is set, as a bearer token with every call of the
 * pages to the API (the clients marked {@link PolicywatchApi}; no other client sees it).
 */
@PolicywatchApi
@ClientFilter
final class ReadTokenForwarding {

    private final PolicywatchSettings settings;

    ReadTokenForwarding(PolicywatchSettings settings) {
        this.settings = settings;
    }

    @RequestFilter
    void forward(MutableHttpRequest<?> request) {
        settings.readToken().ifPresent(token -> request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }
}
