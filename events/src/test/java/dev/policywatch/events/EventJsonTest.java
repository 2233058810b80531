package dev.policywatch.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    @Test
    void aCompleteSnapshotRoundTrips() {
        PageSnapshot snapshot = Examples.snapshot();
        byte[] bytes = EventJson.write(snapshot);
        assertThat(EventJson.read(bytes, PageSnapshot.class)).isEqualTo(snapshot);
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .contains("\"schemaVersion\":1", "\"fetchedAt\":\"2026-11-29T02:00:00Z\"", "第十七条");
    }

    @Test
    void aCompleteChangeRoundTrips() {
        DocumentChange change = Examples.change();
        assertThat(EventJson.read(EventJson.write(change), DocumentChange.class)).isEqualTo(change);
        assertThat(change.summary()).isEqualTo(new ChangeSummary(1, 0, 1, 1, 21, 2, 1,
                "第十七条：新增：并履行算法备案手续；另有1处实质修改；1条重新编号"));
        assertThat(change.summary().describe()).isEqualTo("1 modified, 1 added, 1 renumbered");
    }

    @Test
    void aChangeWrittenBeforeSchema2ReadsWithoutItsMeaning() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode)
                EventJson.mapper().readTree(EventJson.write(Examples.change()));
        tree.put("schemaVersion", 1);
        for (com.fasterxml.jackson.databind.JsonNode c : tree.get("changes")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) c).remove(List.of("significance", "editorialKinds", "facts", "note"));
        }
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("summary")).remove(List.of("substantive", "editorial", "headline"));
        DocumentChange old = EventJson.read(EventJson.mapper().writeValueAsString(tree), DocumentChange.class);
        assertThat(old.changes()).allSatisfy(c -> {
            assertThat(c.significance()).isNull();
            assertThat(c.facts()).isEmpty();
            assertThat(c.editorial()).isFalse();
        });
        assertThat(old.summary()).isEqualTo(new ChangeSummary(1, 0, 1, 1, 21));
    }

    @Test
    void factsAreWrittenExactlyAsTheContractShowsThem() {
        String json = EventJson.writeString(new Fact(FactKind.FINE,
                FactValue.amount(new java.math.BigDecimal("5000.00"), new java.math.BigDecimal("3E+4"), "CNY"),
                FactValue.multiple(null, new java.math.BigDecimal("0.10"), "PRIOR_YEAR_SALES")));
        assertThat(json).isEqualTo("{\"kind\":\"FINE\",\"before\":{\"min\":5000,\"max\":30000,\"currency\":\"CNY\"},"
                + "\"after\":{\"maxMultiple\":0.1,\"of\":\"PRIOR_YEAR_SALES\"}}");
        assertThat(EventJson.read(json, Fact.class).before().max()).isEqualTo(new java.math.BigDecimal(30000));
    }

    @Test
    void aValueWithUnknownFieldsReads() {
        String json = EventJson.writeString(Examples.snapshot())
                .replaceFirst("\\{", "{\"addedInSchema7\":{\"nested\":[1,2]},\"another\":\"x\",");
        assertThat(EventJson.read(json, PageSnapshot.class)).isEqualTo(Examples.snapshot());
    }

    @Test
    void aMissingRequiredFieldFailsNamingTheField() {
        String json = EventJson.writeString(Examples.snapshot()).replace("\"documentId\":\"cac-genai-measures\",", "");
        assertThatThrownBy(() -> EventJson.read(json.getBytes(StandardCharsets.UTF_8), PageSnapshot.class))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining("PageSnapshot")
                .hasMessageContaining("documentId");
    }

    @Test
    void malformedJsonFailsWithTheReasonAndAnExcerptNeverNull() {
        byte[] garbage = "{\"documentId\": \"x\", blocks: [".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> EventJson.read(garbage, PageSnapshot.class))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining("malformed JSON")
                .hasMessageContaining("value starts: {\"documentId\"");
        assertThatThrownBy(() -> EventJson.read(new byte[0], DocumentChange.class))
                .isInstanceOf(EventFormatException.class).hasMessageContaining("empty value");
        assertThatThrownBy(() -> EventJson.read("null".getBytes(StandardCharsets.UTF_8), DocumentChange.class))
                .isInstanceOf(EventFormatException.class).hasMessageContaining("JSON null");
    }

    /** "{}" used to be refused with Jackson's advice to reconfigure it ("set DeserializationConfig..."). */
    @Test
    void aMissingSchemaVersionSaysSoWithoutJacksonsAdvice() {
        assertThatThrownBy(() -> EventJson.read("{}".getBytes(StandardCharsets.UTF_8), DocumentChange.class))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining("invalid DocumentChange at [\"schemaVersion\"]: missing or null, where a value is required")
                .hasMessageNotContaining("DeserializationConfig").hasMessageNotContaining("FAIL_ON_NULL");
    }

    @Test
    void aWrongEnumValueSaysWhere() {
        String json = EventJson.writeString(Examples.change()).replace("\"kind\":\"UPDATED\"", "\"kind\":\"AMENDED\"");
        assertThatThrownBy(() -> EventJson.read(json, DocumentChange.class))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining("kind")
                .hasMessageContaining("AMENDED");
    }

    @Test
    void recordsRejectInvalidValues() {
        assertThatThrownBy(() -> PageSnapshot.present("not a valid id!", "s", null, null, null, "https://x", Instant.EPOCH,
                null, null, null, Origin.CONFIGURED, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("documentId");
        assertThatThrownBy(() -> new ProvisionChange(ChangeType.MODIFIED, "第一条", null, null, null, "a", null, 0.5, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both an old and a new side");
        assertThatThrownBy(() -> new ProvisionChange(ChangeType.ADDED, null, "第一条", null, null, null, "a", 1.5, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("similarity");
    }

    @Test
    void idsAreDeterministicAndDistinguishFlipsBackAndForth() {
        Instant t1 = Instant.parse("2026-01-01T00:00:00Z");
        Instant t3 = Instant.parse("2026-01-03T00:00:00Z");
        assertThat(Ids.versionId("d", "sha256:a", t1)).isEqualTo(Ids.versionId("d", "sha256:a", t1));
        // A→B→A: the second A is a new version (other fetchedAt), so its change gets another id
        String a1 = Ids.versionId("d", "sha256:a", t1);
        String a3 = Ids.versionId("d", "sha256:a", t3);
        assertThat(a1).isNotEqualTo(a3);
        assertThat(Ids.changeId("d", null, a1)).isNotEqualTo(Ids.changeId("d", "v-b", a3));
        assertThat(Ids.isValidDocumentId(Ids.discoveredDocumentId("cac-list", java.net.URI.create("https://www.cac.gov.cn/a.htm"))))
                .isTrue();
    }

    @Test
    void contentHashIgnoresSpacingAndFullWidthForms() {
        assertThat(ContentHash.of(List.of(Block.paragraph("第十条　依照本法（一） ABC"))))
                .isEqualTo(ContentHash.of(List.of(Block.paragraph("第十条 依照本法(一)  ＡＢＣ "))));
        assertThat(ContentHash.of(List.of(Block.paragraph("第十条"))))
                .isNotEqualTo(ContentHash.of(List.of(Block.paragraph("第十一条"))));
    }
}
