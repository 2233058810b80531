package dev.policywatch.notifier.email;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/**
 * SMTP settings (CONTRACT §6): {@code policywatch.notifier.email.from} (email alerts are off until it
 * is set) and {@code policywatch.notifier.email.smtp.host|port|username|password|starttls}. The password
 * is a secret: not in {@link #toString()}.
 */
@Singleton
public final class EmailSettings {

    private final String from;
    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final boolean starttls;
    private final Duration timeout;

    public EmailSettings(@Nullable @Value("${policywatch.notifier.email.from:}") String from,
            @Value("${policywatch.notifier.email.smtp.host:localhost}") String host,
            @Value("${policywatch.notifier.email.smtp.port:25}") int port,
            @Nullable @Value("${policywatch.notifier.email.smtp.username:}") String username,
            @Nullable @Value("${policywatch.notifier.email.smtp.password:}") String password,
            @Value("${policywatch.notifier.email.smtp.starttls:false}") boolean starttls,
            @Value("${policywatch.notifier.email.smtp.timeout:20s}") Duration timeout) {
        this.from = from == null || from.isBlank() ? null : from.trim();
        this.host = host;
        this.port = port;
        this.username = username == null || username.isBlank() ? null : username;
        this.password = password == null || password.isEmpty() ? null : password;
        this.starttls = starttls;
        this.timeout = timeout;
    }

    public Optional<String> from() {
        return Optional.ofNullable(from);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    public boolean starttls() {
        return starttls;
    }

    public Duration timeout() {
        return timeout;
    }

    @Override
    public String toString() {
        return "EmailSettings[from=" + from + ", smtp=" + host + ":" + port + ", starttls=" + starttls + ", auth="
                + (username == null ? "none" : "set") + "]";
    }
}
