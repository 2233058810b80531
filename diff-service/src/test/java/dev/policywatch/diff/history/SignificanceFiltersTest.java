package dev.policywatch.diff.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policywatch.diff.replay.Generation;
import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.ChangeSummary;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.EditorialKind;
import dev.policywatch.events.EventJson;
import dev.policywatch.events.Fact;
import dev.policywatch.events.FactKind;
import dev.policywatch.events.FactValue;
import dev.policywatch.events.ProvisionChange;
import dev.policywatch.events.Significance;
import dev.policywatch.events.VersionRef;
import dev.policywatch.support.Problem;
import dev.policywatch.testing.RealInfrastructure;
import dev.policywatch.testing.TestInfra;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code significance=} and {@code fact=} of /api/changes, on the real database. */
@ExtendWith(RealInfrastructure.class)
class SignificanceFiltersTest {

    private final String source = "sig-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void substantiveLeavesOutEditorialOnlyChangesAndFactKeepsFines(TestInfra infra) throws Exception {
        HistoryStore store = new HistoryStore(infra.dataSource(), new Generation(1));
        ProvisionChange punctuation = provision("第一条", "应当建立会计帐簿，", "应当建立会计账簿。", Significance.EDITORIAL,
                List.of(EditorialKind.PUNCTUATION, EditorialKind.VARIANT), List.of());
        ProvisionChange fine = provision("第二条", "处五千元以下罚款", "处一万元以下罚款", Significance.SUBSTANTIVE, List.of(),
                List.of(new Fact(FactKind.FINE, FactValue.amount(null, new BigDecimal(5000), "CNY"),
                        FactValue.amount(null, new BigDecimal(10000), "CNY"))));
        ProvisionChange wording = provision("第三条", "主管部门", "有关主管部门", Significance.SUBSTANTIVE, List.of(), List.of());
        DocumentChange editorial = change("a", 1, List.of(punctuation));
        DocumentChange fined = change("b", 2, List.of(fine, punctuation));
        DocumentChange worded = change("c", 3, List.of(wording));
        try (Connection c = store.connection()) {
            for (DocumentChange d : List.of(editorial, fined, worded)) {
                store.writeChange(c, d, EventJson.writeString(d));
            }
        }
        assertThat(ids(store, null, Set.of())).containsExactly(worded.changeId(), fined.changeId(), editorial.changeId());
        assertThat(ids(store, Significance.SUBSTANTIVE, Set.of())).containsExactly(worded.changeId(), fined.changeId());
        assertThat(ids(store, Significance.EDITORIAL, Set.of())).containsExactly(editorial.changeId());
        assertThat(ids(store, null, Set.of(FactKind.FINE))).containsExactly(fined.changeId());
        assertThat(ids(store, Significance.SUBSTANTIVE, Set.of(FactKind.DEADLINE, FactKind.FINE)))
                .containsExactly(fined.changeId());
        assertThat(ids(store, null, Set.of(FactKind.OBLIGATION))).isEmpty();
    }

    @Test
    void badSignificanceOrFactValuesAre400sNamingTheParameter() {
        assertThatThrownBy(() -> ChangeQueryParser.parse(null, null, null, null, null, null, null, null, null, "MINOR", null))
                .isInstanceOf(Problem.class).hasMessageContaining("significance must be SUBSTANTIVE");
        assertThatThrownBy(() -> ChangeQueryParser.parse(null, null, null, null, null, null, null, null, null, null, "FINE,TAX"))
                .isInstanceOf(Problem.class).hasMessageContaining("fact must be").hasMessageContaining("TAX");
        ChangeQuery q = ChangeQueryParser.parse(null, null, null, null, null, null, null, null, null, "substantive", "fine, deadline");
        assertThat(q.significance()).isEqualTo(Significance.SUBSTANTIVE);
        assertThat(q.facts()).containsExactlyInAnyOrder(FactKind.FINE, FactKind.DEADLINE);
    }

    private List<String> ids(HistoryStore store, Significance significance, Set<FactKind> facts) {
        HistoryStore.Page page = store.changes(new ChangeQuery(null, null, source, null, Set.of(), Set.of(), null, 50, null,
                significance, facts));
        return page.payloads().stream().map(p -> EventJson.read(p, DocumentChange.class).changeId()).toList();
    }

    private DocumentChange change(String suffix, int minute, List<ProvisionChange> provisions) {
        Instant at = Instant.parse("2026-03-01T00:00:00Z").plusSeconds(60L * minute);
        VersionRef from = new VersionRef("v-" + source + suffix + "-1", at.minusSeconds(30), "sha256:1" + suffix);
        VersionRef to = new VersionRef("v-" + source + suffix + "-2", at, "sha256:2" + suffix);
        return new DocumentChange(DocumentChange.SCHEMA_VERSION, "c-" + source + suffix, source + suffix, source, null,
                "https://example.gov.cn/" + suffix, "办法", null, "CN", "zh", ChangeKind.UPDATED, from, to, at,
                provisions, List.of(), ChangeSummary.of(provisions, 0).withMeaning(provisions, "headline"));
    }

    private static ProvisionChange provision(String label, String before, String after, Significance s,
            List<EditorialKind> kinds, List<Fact> facts) {
        return new ProvisionChange(ChangeType.MODIFIED, label, label, null, null, before, after, 0.9, List.of(), s, kinds,
                facts, "note");
    }
}
