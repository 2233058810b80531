package dev.policywatch.diff;

import dev.policywatch.support.FatalErrors;
import dev.policywatch.support.ServiceEndpoints;
import io.micronaut.runtime.Micronaut;
import java.time.Duration;

/** Runs diff-service on its own (docker-compose); the standalone runs it together with the other services. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        // an OutOfMemoryError ends the process (a supervisor restarts it); a stop never hangs past 30 s
        FatalErrors.install(Duration.ofSeconds(30));
        Micronaut.build(args).mainClass(Application.class).environments("diff")
                .properties(ServiceEndpoints.DEFAULTS).start();
    }
}
