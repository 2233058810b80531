package dev.policywatch.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** The web UI on a random port in front of a {@link FixtureApi}: what the page tests run against. */
public final class WebApp implements AutoCloseable {

    public final FixtureApi api;
    public final EmbeddedServer server;

    private WebApp(FixtureApi api, EmbeddedServer server) {
        this.api = api;
        this.server = server;
    }

    public static WebApp start() throws IOException {
        return start(Map.of());
    }

    public static WebApp start(Map<String, Object> extra) throws IOException {
        return start(new FixtureApi(), extra);
    }

    /** The UI in front of this fixture API (closed with the app). */
    public static WebApp start(FixtureApi api, Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>();
        props.put("micronaut.server.port", -1);
        props.put("policywatch.web.history-url", api.url());
        props.put("policywatch.web.crawler-url", api.url());
        props.put("policywatch.web.notifier-url", api.url());
        props.putAll(extra);
        try {
            EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props, "web");
            return new WebApp(api, server);
        } catch (RuntimeException e) {
            api.close();
            throw e;
        }
    }

    /** {@code http://localhost:<port>} of the UI. */
    public String url() {
        return "http://localhost:" + server.getPort();
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    @Override
    public void close() {
        try {
            server.getApplicationContext().close();
        } finally {
            api.close();
        }
    }
}
