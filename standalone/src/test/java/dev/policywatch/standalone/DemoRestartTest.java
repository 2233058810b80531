package dev.policywatch.standalone;

import static dev.policywatch.standalone.EndToEnd.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policywatch.testing.Ports;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bug (#15): {@code --demo} restarted on the same data dir came back at stage 0 on a new port, so the
 * regulation "reverted" to its draft and the known notices were announced again under new ids. Here the
 * whole standalone runs the demo three times on one data directory, with a 3-second stage interval.
 */
class DemoRestartTest {

    @TempDir
    Path dir;

    private Standalone system;

    @AfterEach
    void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void restartedTwiceTheDemoResumesGoesOnAndNeverRevertsOrAnnouncesADocumentAgain() throws Exception {
        StandaloneOptions options = StandaloneOptions.defaults().withDemo(true).withDataDir(dir.resolve("data"))
                .withPort(Ports.free())
                .withProperty("policywatch.embedded-kafka.port", "0")
                .withProperty("policywatch.demo.stage-interval", "3s")
                .withProperty("policywatch.crawler.per-host-delay", "0s");

        // first run: the draft becomes the final text (an UPDATED), a notice appears (a NEW_DOCUMENT)
        system = Standalone.start(options);
        String demoUrl = demo().baseUrl();
        await().atMost(WAIT).until(() -> kinds().contains("UPDATED") && kinds().contains("NEW_DOCUMENT"));
        int stopped = stopAndReturnStage();

        for (int run = 2; run <= 3; run++) {
            system = Standalone.start(options);
            assertThat(demo().stage()).as("run %d resumes where the last stopped", run).isEqualTo(stopped);
            assertThat(demo().baseUrl()).as("run %d keeps the demo's URLs", run).isEqualTo(demoUrl);
            int changesBefore = history().size();
            int resumedAt = stopped;
            // the stages go on, and the pipeline reports what they changed
            await().atMost(WAIT).until(() -> demo().stage() >= resumedAt + 2 && history().size() > changesBefore + 1);
            if (run == 3) {
                assertNoRevertAndNoSecondAnnouncement(history());
            }
            stopped = stopAndReturnStage();
        }
    }

    /** No change returns a document to an earlier version's text; no document is announced (or baselined) twice. */
    private void assertNoRevertAndNoSecondAnnouncement(List<JsonNode> history) {
        Map<String, List<String>> hashes = new HashMap<>();
        Set<String> announcedPaths = new HashSet<>();
        // the API lists newest first
        for (int i = history.size() - 1; i >= 0; i--) {
            JsonNode change = history.get(i);
            String documentId = change.path("documentId").asText();
            String kind = change.path("kind").asText();
            String hash = change.path("toVersion").path("contentHash").asText();
            if (kind.equals("BASELINE") || kind.equals("NEW_DOCUMENT")) {
                String path = URI.create(change.path("url").asText()).getPath();
                assertThat(announcedPaths.add(path)).as("%s %s announced again as %s", kind, path, documentId).isTrue();
                assertThat(hashes).as("%s of a known document %s", kind, documentId).doesNotContainKey(documentId);
            }
            List<String> seen = hashes.computeIfAbsent(documentId, k -> new ArrayList<>());
            assertThat(seen).as("%s: change %s returns to an earlier version", documentId, change.path("changeId").asText())
                    .doesNotContain(hash);
            seen.add(hash);
        }
        assertThat(announcedPaths).contains("/regulations/labeling.html", "/profile.html", "/notices/n1.html",
                "/notices/n3.html");
    }

    private int stopAndReturnStage() {
        DemoSite demo = demo();
        system.close();
        system = null;
        return demo.stage();
    }

    private DemoSite demo() {
        return system.demo().orElseThrow();
    }

    private Set<String> kinds() throws Exception {
        Set<String> kinds = new HashSet<>();
        history().forEach(c -> kinds.add(c.path("kind").asText()));
        return kinds;
    }

    /** Every change in the history, BASELINEs included, newest first. */
    private List<JsonNode> history() throws Exception {
        List<JsonNode> all = new ArrayList<>();
        for (String query : List.of("/api/changes?limit=200", "/api/changes?limit=200&kind=BASELINE")) {
            new EndToEnd.Api(system.url()).get(query).path("items").forEach(all::add);
        }
        all.sort((a, b) -> b.path("toVersion").path("fetchedAt").asText().compareTo(a.path("toVersion").path("fetchedAt").asText()));
        return all;
    }
}
