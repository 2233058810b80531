package dev.policywatch.crawler;

import io.micronaut.runtime.Micronaut;

/** Runs crawler on its own (docker-compose); the standalone runs it together with the other services. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(Application.class).environments("crawler").start();
    }
}
