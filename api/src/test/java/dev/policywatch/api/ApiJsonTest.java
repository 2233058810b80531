package dev.policywatch.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.policywatch.api.history.ChangePage;
import dev.policywatch.api.history.DocumentDetail;
import dev.policywatch.api.history.DocumentSummary;
import dev.policywatch.api.history.VersionList;
import dev.policywatch.api.sources.SourceStatus;
import dev.policywatch.api.subscriptions.Channel;
import dev.policywatch.api.subscriptions.Filters;
import dev.policywatch.api.subscriptions.Mode;
import dev.policywatch.api.subscriptions.SubscriptionStatus;
import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.EventJson;
import dev.policywatch.events.SearchMatch;
import dev.policywatch.events.VersionRef;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The wire format the records pin, whatever the server's mapper leaves out by default: Micronaut's
 * leaves out null and empty values ({@code NON_EMPTY}), the events' writes everything. The history's
 * bodies write every field, null included, as the events do; the crawler's and the notifier's leave
 * out null and empty fields.
 */
class ApiJsonTest {

    /** A mapper configured like the services' HTTP mapper (Micronaut's defaults and JsonDates). */
    private static final ObjectMapper SERVER = JsonMapper.builder().addModule(new JavaTimeModule())
            .addModule(new Jdk8Module()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_EMPTY).build();

    private static final Instant T = Instant.parse("2026-01-31T08:00:00Z");
    private static final VersionRef V = new VersionRef("v-1", T, "sha256:aa");

    @Test
    void aChangeOfThePageReadsAsOnTheTopicAndItsMatchOnlyWhenSearched() throws Exception {
        DocumentChange change = new DocumentChange(2, "c-1", "doc.1", "src", null, null, "T", null, null, null,
                ChangeKind.NEW_DOCUMENT, null, V, T, List.of(), List.of(), null);
        JsonNode topic = EventJson.mapper().readTree(EventJson.write(change));

        JsonNode plain = json(new ChangePage(List.of(ChangePage.Item.of(change)), null));
        assertThat(plain.get("nextCursor").isNull()).isTrue();
        assertThat(plain.get("items").get(0)).isEqualTo(topic);

        JsonNode searched = json(new ChangePage(List.of(ChangePage.Item.searched(change, null)), "next"));
        assertThat(searched.get("items").get(0).has("match")).isTrue();
        assertThat(searched.get("items").get(0).get("match").isNull()).isTrue();
        SearchMatch match = new SearchMatch("第三条", ChangeType.MODIFIED, "…x…", 1, 2);
        JsonNode found = json(new ChangePage(List.of(ChangePage.Item.searched(change, match)), "next"));
        assertThat(found.get("items").get(0).get("match").get("label").asText()).isEqualTo("第三条");
        assertThat(found.get("items").get(0).get("fromVersion").isNull()).isTrue();

        ChangePage read = SERVER.readValue(SERVER.writeValueAsString(new ChangePage(
                List.of(ChangePage.Item.searched(change, match)), "next")), ChangePage.class);
        assertThat(read.changes()).containsExactly(change);
        assertThat(read.nextCursor()).isEqualTo("next");
    }

    @Test
    void aDocumentWritesItsNullPredecessorAndItsFieldsInline() throws Exception {
        DocumentChange latest = new DocumentChange(2, "c-1", "doc.1", "src", null, null, "T", null, null, null,
                ChangeKind.NEW_DOCUMENT, null, V, T, List.of(), List.of(), null);
        JsonNode d = json(new DocumentDetail(DocumentSummary.of(latest, 3), null, List.of()));
        assertThat(d.get("documentId").asText()).isEqualTo("doc.1");
        assertThat(d.get("status").asText()).isEqualTo("PRESENT");
        assertThat(d.get("changeCount").asLong()).isEqualTo(3);
        assertThat(d.get("predecessor").isNull()).isTrue();
        assertThat(d.get("successors").isArray()).isTrue();
        assertThat(d.has("publisher") && d.get("publisher").isNull()).isTrue();
        assertThat(d.has("document")).isFalse();

        JsonNode versions = json(new VersionList("doc.1", List.of(new VersionList.Item(V, "c-1", ChangeKind.BASELINE, null))));
        JsonNode item = versions.get("items").get(0);
        assertThat(item.get("versionId").asText()).isEqualTo("v-1");
        assertThat(item.get("fetchedAt").asText()).isEqualTo("2026-01-31T08:00:00Z");
        assertThat(item.get("summary").isNull()).isTrue();
    }

    @Test
    void aSourceAndASubscriptionLeaveOutWhatIsNullOrEmpty() throws Exception {
        JsonNode s = json(new SourceStatus("src", "Name", "page", "https://example.org/", null, "CN", "PT1H", null,
                null, null, null, T, null, null, false, null, 0, 0, false, null, null, null));
        assertThat(s.has("lastFetchAt")).isFalse();
        assertThat(s.has("publisher")).isFalse();
        assertThat(s.get("nextFetchAt").asText()).isEqualTo("2026-01-31T08:00:00Z");
        assertThat(s.get("broken").asBoolean()).isFalse();
        assertThat(s.get("documents").asLong()).isZero();

        JsonNode filters = json(new Filters(List.of(), List.of("CN"), List.of(), List.of(ChangeType.ADDED)));
        assertThat(filters.has("sources")).isFalse();
        assertThat(filters.get("jurisdictions").get(0).asText()).isEqualTo("CN");
        assertThat(filters.get("changeTypes").get(0).asText()).isEqualTo("ADDED");
    }

    @Test
    void theEnumsOfTheSubscriptionsApiAreWrittenAndReadByTheirWireName() throws Exception {
        for (Enum<?> e : Stream.of(Channel.values(), Mode.values(), SubscriptionStatus.values())
                .flatMap(Stream::of).toList()) {
            String wire = e.name().toLowerCase(java.util.Locale.ROOT);
            assertThat(SERVER.writeValueAsString(e)).isEqualTo("\"" + wire + "\"");
            assertThat(SERVER.readValue("\"" + wire + "\"", e.getDeclaringClass())).isEqualTo(e);
            // the OpenAPI schema lists the same values (a new constant must be added there too)
            assertThat(e.getDeclaringClass().getAnnotation(Schema.class).allowableValues()).as(e.getDeclaringClass()
                    .getSimpleName()).contains(wire).hasSize(e.getDeclaringClass().getEnumConstants().length);
        }
        assertThat(Channel.SLACK.wire()).isEqualTo("slack");
        assertThat(Mode.fromWire("daily")).isEqualTo(Mode.DAILY);
        assertThat(SubscriptionStatus.fromWire("pending_confirmation")).isEqualTo(SubscriptionStatus.PENDING_CONFIRMATION);
    }

    private static JsonNode json(Object value) throws Exception {
        return SERVER.readTree(SERVER.writeValueAsString(value));
    }
}
