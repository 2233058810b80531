package dev.policywatch.web;

import dev.policywatch.support.ServiceEndpoints;
import io.micronaut.runtime.Micronaut;

/**
 * Runs the web UI on its own, in front of services reachable at {@code policywatch.web.history-url},
 * {@code policywatch.web.crawler-url} and {@code policywatch.web.notifier-url}; the standalone runs it
 * together with the services (environment {@code web}).
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(Application.class).environments("web")
                .properties(ServiceEndpoints.DEFAULTS).start();
    }
}
