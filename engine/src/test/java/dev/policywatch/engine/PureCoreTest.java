package dev.policywatch.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.net.URI;
import java.net.http.HttpClient;
import org.junit.jupiter.api.Test;

/**
 * The wall around the pure core that the build's dependency rules cannot see (docs/architecture.md,
 * "Walls the build enforces"): the enforcer keeps Kafka, Micronaut, JDBC drivers and HTTP client
 * libraries off the classpath of events and engine; this keeps their code off the JDK's own I/O edges,
 * JDBC ({@code java.sql}, {@code javax.sql}) and HTTP ({@code java.net.http}, {@code URLConnection},
 * sockets). The engine is plain functions over the bytes and records it is given.
 */
class PureCoreTest {

    private static final String[] CORE = {"dev.policywatch.engine..", "dev.policywatch.events.."};

    /** No class of the core touches a database, a socket or an HTTP connection of the JDK. */
    static final ArchRule NO_JDK_IO_EDGES = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "java.net.http..")
            .orShould().dependOnClassesThat().areAssignableTo(java.net.URLConnection.class)
            .orShould().dependOnClassesThat().areAssignableTo(java.net.Socket.class)
            .orShould().dependOnClassesThat().areAssignableTo(java.net.ServerSocket.class)
            .orShould().dependOnClassesThat().areAssignableTo(java.nio.channels.NetworkChannel.class)
            .because("events and engine are the pure core: adapters live in the services and support-* modules");

    @Test
    void theCoreReachesNoDatabaseSocketOrHttpConnection() {
        JavaClasses core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.policywatch.engine", "dev.policywatch.events");
        assertThat(core.size()).as("classes of engine and events found").isGreaterThan(50);
        NO_JDK_IO_EDGES.check(core);
    }

    @Test
    void theRuleFailsOnABreach() {
        JavaClasses breach = new ClassFileImporter().importClasses(Breach.class, HttpClient.class);
        assertThatThrownBy(() -> NO_JDK_IO_EDGES.check(breach))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(Breach.class.getName())
                .hasMessageContaining("java.net.http.HttpClient");
    }

    /** What the rule must refuse: engine code fetching a page itself. */
    static final class Breach {
        Object fetch(URI uri) {
            return HttpClient.newHttpClient().sendAsync(java.net.http.HttpRequest.newBuilder(uri).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        }
    }
}
