package dev.policywatch.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The reason of a lineage link as a code with parameters, also for events written before the code existed. */
class PredecessorTest {

    private static final Instant AT = Instant.parse("2023-04-11T03:00:00Z");

    @Test
    void aLinkWrittenWithItsCodeKeepsCodeIdentifierAndNoteThroughJson() {
        Predecessor p = new Predecessor("fed.proposed", "v-1", 0.64, "same RIN 3170-AA41; provisions align 64 %", "Fees",
                null, AT, Predecessor.Basis.SAME_IDENTIFIER, "RIN:3170-AA41", null);
        String json = EventJson.writeString(p);
        assertThat(json).contains("\"reasonCode\":\"SAME_IDENTIFIER\"", "\"identifier\":\"RIN:3170-AA41\"",
                "\"reason\":\"same RIN 3170-AA41; provisions align 64 %\"");
        assertThat(EventJson.read(json, Predecessor.class)).isEqualTo(p);
    }

    @Test
    void anEventOfTheFirstVersionGetsItsCodeFromItsProse() {
        String old = "{\"documentId\":\"cac.draft\",\"versionId\":\"v-1\",\"similarity\":0.71,"
                + "\"reason\":\"same title without draft markers; provisions align 71 %\",\"title\":null,\"url\":null,"
                + "\"fetchedAt\":null}";
        Predecessor byTitle = EventJson.read(old, Predecessor.class);
        assertThat(byTitle.reasonCode()).isEqualTo(Predecessor.Basis.SAME_TITLE);
        assertThat(byTitle.identifier()).isNull();
        assertThat(byTitle.percent()).isEqualTo(71);

        Predecessor byRin = new Predecessor("fed.proposed", "v-1", 0.64, "same RIN 3170-AA41; provisions align 64 %",
                null, null, null, null, null, null);
        assertThat(byRin.reasonCode()).isEqualTo(Predecessor.Basis.SAME_IDENTIFIER);
        assertThat(byRin.identifier()).isEqualTo("RIN:3170-AA41");

        Predecessor byAdmin = new Predecessor("cac.draft", "v-1", 0.5,
                "set by an administrator: the final text; of the April draft; provisions align 50 %", null, null, null,
                null, null, null);
        assertThat(byAdmin.reasonCode()).isEqualTo(Predecessor.Basis.SET_BY_ADMINISTRATOR);
        assertThat(byAdmin.note()).isEqualTo("the final text; of the April draft");
        Predecessor noNote = new Predecessor("cac.draft", "v-1", 0.5, "set by an administrator; provisions align 50 %",
                null, null, null, null, null, null);
        assertThat(noNote.reasonCode()).isEqualTo(Predecessor.Basis.SET_BY_ADMINISTRATOR);
        assertThat(noNote.note()).isNull();

        Predecessor unknown = new Predecessor("cac.draft", "v-1", 0.5, "linked by hand", null, null, null, null, null, null);
        assertThat(unknown.reasonCode()).isNull();
        assertThat(unknown.reason()).isEqualTo("linked by hand");
    }
}
