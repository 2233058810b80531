package dev.policywatch.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policywatch.events.EventJson;
import dev.policywatch.support.PolicywatchSettings;
import dev.policywatch.web.WebSettings;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blocking JSON calls to the three APIs with Micronaut's HTTP client: one client per base URL, owned
 * (and closed) by this bean, so nothing client-shaped leaks into a context shared with the services.
 * Forwards {@code policywatch.read-token} as a bearer token when it is set. Call it off the event loop:
 * the API may be served by the very server that called it.
 */
@Singleton
final class ApiClient {

    private static final Logger LOG = LoggerFactory.getLogger(ApiClient.class);
    /** A change of a 300-page document carries its provisions' texts twice: allow large answers. */
    private static final int MAX_CONTENT_LENGTH = 64 * 1024 * 1024;

    /** The three APIs; the base URL of each is configured or this server. */
    enum Service { HISTORY, CRAWLER, NOTIFIER;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final WebSettings settings;
    private final PolicywatchSettings policywatch;
    private final BeanProvider<EmbeddedServer> server;
    private final Map<URI, HttpClient> clients = new ConcurrentHashMap<>();

    ApiClient(WebSettings settings, PolicywatchSettings policywatch, BeanProvider<EmbeddedServer> server) {
        this.settings = settings;
        this.policywatch = policywatch;
        this.server = server;
    }

    /** GET {@code path} with the query parameters (null values left out) and parse the JSON answer. */
    JsonNode get(Service service, String path, Map<String, String> query) {
        UriBuilder uri = UriBuilder.of(path);
        query.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                uri.queryParam(name, value);
            }
        });
        return json(service, exchange(service, HttpRequest.GET(uri.build())));
    }

    /** GET {@code path} and read the answer as one event record. */
    <T> T get(Service service, String path, Class<T> type) {
        byte[] body = exchange(service, HttpRequest.GET(path));
        try {
            return EventJson.read(body, type);
        } catch (RuntimeException e) {
            throw unreadable(service, path, e);
        }
    }

    /** POST a JSON body; {@code forwardedFor} (the page visitor's address) goes in X-Forwarded-For. */
    JsonNode post(Service service, String path, Object body, String forwardedFor) {
        MutableHttpRequest<byte[]> request = HttpRequest.POST(path, EventJson.write(body))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return json(service, exchange(service, request));
    }

    private byte[] exchange(Service service, MutableHttpRequest<?> request) {
        request.accept(MediaType.APPLICATION_JSON_TYPE);
        policywatch.readToken().ifPresent(token -> request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
        URI base = baseUrl(service);
        try {
            HttpResponse<byte[]> response = client(base).toBlocking()
                    .exchange(request, Argument.of(byte[].class), Argument.of(byte[].class));
            return response.getBody().orElse(new byte[0]);
        } catch (HttpClientResponseException e) {
            int status = e.getStatus().getCode();
            String detail = problemDetail(e).orElse(null);
            if (status == 404) {
                throw new ApiException(ApiException.Kind.NOT_FOUND, status, service.label(),
                        detail == null ? "not found" : detail, null);
            }
            if (status >= 400 && status < 500 || status == 503 && detail != null) {
                throw new ApiException(ApiException.Kind.REJECTED, status, service.label(),
                        detail == null ? "the " + service.label() + " API refused the request (HTTP " + status + ")"
                                : detail, null);
            }
            LOG.warn("The {} API answered HTTP {} to {} {}", service.label(), status, request.getMethodName(),
                    request.getPath());
            throw new ApiException(ApiException.Kind.UNAVAILABLE, status, service.label(),
                    "the " + service.label() + " API failed (HTTP " + status + ")", e);
        } catch (HttpClientException e) {
            LOG.warn("The {} API at {} could not be reached for {} {}: {}", service.label(), base,
                    request.getMethodName(), request.getPath(), e.getMessage());
            throw new ApiException(ApiException.Kind.UNAVAILABLE, 0, service.label(),
                    "the " + service.label() + " API could not be reached", e);
        }
    }

    private static Optional<String> problemDetail(HttpClientResponseException e) {
        Optional<byte[]> body = e.getResponse().getBody(byte[].class);
        if (body.isEmpty() || body.get().length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode detail = EventJson.mapper().readTree(body.get()).get("detail");
            return detail != null && detail.isTextual() && !detail.asText().isBlank()
                    ? Optional.of(clip(detail.asText())) : Optional.empty();
        } catch (IOException | RuntimeException notJson) {
            return Optional.empty();
        }
    }

    private JsonNode json(Service service, byte[] body) {
        try {
            JsonNode node = EventJson.mapper().readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new IOException("empty answer");
            }
            return node;
        } catch (IOException e) {
            throw unreadable(service, "", e);
        }
    }

    private static ApiException unreadable(Service service, String path, Exception e) {
        LOG.warn("The {} API answered {} with something unreadable: {}", service.label(), path, reason(e));
        return new ApiException(ApiException.Kind.UNAVAILABLE, 200, service.label(),
                "the " + service.label() + " API answered something this page cannot read", e);
    }

    static void warnUnreadable(Exception e) {
        LOG.warn("An API answer could not be read: {}", reason(e));
    }

    /** The reason of a parse failure, without the excerpt of the answer some messages carry. */
    private static String reason(Exception e) {
        String message = String.valueOf(e.getMessage());
        int excerpt = message.indexOf(" (value starts");
        message = excerpt < 0 ? message : message.substring(0, excerpt);
        int newline = message.indexOf('\n');
        message = newline < 0 ? message : message.substring(0, newline);
        return e.getClass().getSimpleName() + ": " + clip(message);
    }

    private URI baseUrl(Service service) {
        Optional<URI> configured = switch (service) {
            case HISTORY -> settings.historyUrl();
            case CRAWLER -> settings.crawlerUrl();
            case NOTIFIER -> settings.notifierUrl();
        };
        // Unset: the API is served by this very server (the standalone). Its port is only known once
        // it has started, so it is looked up at the first call, not at construction.
        return configured.orElseGet(() -> URI.create("http://localhost:" + server.get().getPort()));
    }

    private HttpClient client(URI base) {
        return clients.computeIfAbsent(base, b -> {
            DefaultHttpClientConfiguration config = new DefaultHttpClientConfiguration();
            config.setReadTimeout(settings.apiTimeout());
            config.setConnectTimeout(settings.apiTimeout());
            config.setFollowRedirects(false);
            config.setMaxContentLength(MAX_CONTENT_LENGTH);
            try {
                return HttpClient.create(b.toURL(), config);
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("not a URL: " + b, e);
            }
        });
    }

    @PreDestroy
    void close() {
        List<HttpClient> all = List.copyOf(clients.values());
        clients.clear();
        for (HttpClient c : all) {
            c.close();
        }
    }

    private static String clip(String s) {
        return s.length() > 500 ? s.substring(0, 500) + "…" : s;
    }
}
