package dev.policywatch.support;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Who may do what (CONTRACT §4): admin endpoints need {@code Authorization: Bearer <admin-token>} and
 * answer 401 while no admin token is configured; reads are public unless a read token is set, then
 * they need it or the admin token. Tokens are compared in constant time.
 */
@Singleton
public final class Access {

    private final PolicywatchSettings settings;

    public Access(PolicywatchSettings settings) {
        this.settings = settings;
    }

    /** Throws 401 unless the request carries the admin token. */
    public void requireAdmin(HttpRequest<?> request) {
        if (settings.adminToken().isEmpty()) {
            throw Problem.unauthorized("admin endpoints are disabled until policywatch.admin-token is set");
        }
        if (!isAdmin(request)) {
            throw Problem.unauthorized("this endpoint needs Authorization: Bearer <admin token>");
        }
    }

    /** Throws 401 when a read token is configured and the request carries neither it nor the admin token. */
    public void requireRead(HttpRequest<?> request) {
        if (settings.readToken().isEmpty() || isAdmin(request)) {
            return;
        }
        Optional<String> presented = presented(request);
        if (presented.isEmpty() || !constantTimeEquals(presented.get(), settings.readToken().get())) {
            throw Problem.unauthorized("reads need Authorization: Bearer <read token> (policywatch.read-token is set)");
        }
    }

    /** Whether the request carries the admin token. */
    public boolean isAdmin(HttpRequest<?> request) {
        Optional<String> admin = settings.adminToken();
        Optional<String> presented = presented(request);
        return admin.isPresent() && presented.isPresent() && constantTimeEquals(presented.get(), admin.get());
    }

    /** The bearer token of the request, or the {@code token} query parameter of a page link (reads only). */
    private static Optional<String> presented(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(header.substring(7).trim());
        }
        return Optional.empty();
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
