package dev.policywatch.web.api;

import dev.policywatch.web.WebSettings;
import io.micronaut.http.client.HttpClientConfiguration;
import io.micronaut.runtime.ApplicationConfiguration;
import jakarta.inject.Singleton;

/**
 * How the pages' clients call the API: {@code policywatch.web.api-timeout} to connect and to read,
 * no redirects followed, answers up to 64 MiB (a change of a 300-page document carries its
 * provisions' texts twice).
 */
@Singleton
final class ApiClientConfiguration extends HttpClientConfiguration {

    private static final int MAX_CONTENT_LENGTH = 64 * 1024 * 1024;

    private final ConnectionPoolConfiguration pool = new ConnectionPoolConfiguration();

    ApiClientConfiguration(WebSettings settings, ApplicationConfiguration application) {
        super(application);
        setReadTimeout(settings.apiTimeout());
        setConnectTimeout(settings.apiTimeout());
        setFollowRedirects(false);
        setMaxContentLength(MAX_CONTENT_LENGTH);
    }

    @Override
    public ConnectionPoolConfiguration getConnectionPoolConfiguration() {
        return pool;
    }
}
