package dev.policywatch.notifier.match;

import dev.policywatch.api.subscriptions.Filters;
import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.ChangeSummary;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.EditorialKind;
import dev.policywatch.events.Fact;
import dev.policywatch.events.FactKind;
import dev.policywatch.events.FactValue;
import dev.policywatch.events.ProvisionChange;
import dev.policywatch.events.Significance;
import dev.policywatch.events.VersionRef;
import dev.policywatch.notifier.Fixtures;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionMatcherTest {

    private static final DocumentChange CHANGE = Fixtures.change("m", "生成式人工智能服务管理暂行办法",
            "对生成的内容进行标识", "对图片、视频等生成内容进行显著标识");

    private static Filters keywords(String... k) {
        return new Filters(List.of(), List.of(), List.of(k), List.of());
    }

    @Test
    void emptyFiltersMatchEveryAlertableChange() {
        assertThat(SubscriptionMatcher.matches(Filters.ALL, CHANGE)).isTrue();
    }

    @Test
    void keywordsMatchChineseSubstringsWithoutSpaces() {
        assertThat(SubscriptionMatcher.matches(keywords("显著标识"), CHANGE)).isTrue();
        assertThat(SubscriptionMatcher.matches(keywords("人工智能"), CHANGE)).isTrue(); // in the title
        assertThat(SubscriptionMatcher.matches(keywords("深度合成"), CHANGE)).isFalse();
    }

    @Test
    void keywordsAreCaseInsensitiveAndWidthInsensitive() {
        DocumentChange c = Fixtures.change("e", "AI Act", "Providers shall", "Providers of GPAI models shall");
        assertThat(SubscriptionMatcher.matches(keywords("gpai"), c)).isTrue();
        assertThat(SubscriptionMatcher.matches(keywords("ＧＰＡＩ"), c)).isTrue();
        assertThat(SubscriptionMatcher.matches(keywords("biometric"), c)).isFalse();
    }

    @Test
    void sourcesJurisdictionsAndTypesAreAnded() {
        assertThat(SubscriptionMatcher.matches(new Filters(List.of("cac-genai-measures"), List.of("cn"), List.of(),
                List.of(ChangeType.MODIFIED)), CHANGE)).isTrue();
        assertThat(SubscriptionMatcher.matches(new Filters(List.of("eu-ai-act"), List.of(), List.of(), List.of()),
                CHANGE)).isFalse();
        assertThat(SubscriptionMatcher.matches(new Filters(List.of(), List.of("EU"), List.of(), List.of()),
                CHANGE)).isFalse();
        assertThat(SubscriptionMatcher.matches(new Filters(List.of(), List.of(), List.of(), List.of(ChangeType.ADDED)),
                CHANGE)).isFalse();
    }

    @Test
    void anEditorialOnlyChangeIsNotSentToASubstantiveSubscription() {
        ProvisionChange punctuation = meaning(Fixtures.change("p", "t", "网络运营者应当建立会计帐簿，", "网络运营者应当建立会计账簿。")
                .changes().get(0), Significance.EDITORIAL, List.of(EditorialKind.PUNCTUATION, EditorialKind.VARIANT), List.of());
        ProvisionChange fine = meaning(CHANGE.changes().get(0), Significance.SUBSTANTIVE, List.of(),
                List.of(new Fact(FactKind.FINE, FactValue.amount(null, new BigDecimal(30000), "CNY"),
                        FactValue.amount(null, new BigDecimal(100000), "CNY"))));
        Filters substantive = new Filters(List.of(), List.of(), List.of(), List.of(), Significance.SUBSTANTIVE, List.of());
        DocumentChange editorialOnly = Fixtures.change("e", "t", List.of(punctuation));
        DocumentChange mixed = Fixtures.change("m", "t", List.of(punctuation, fine));
        assertThat(SubscriptionMatcher.matches(substantive, editorialOnly)).isFalse();
        assertThat(SubscriptionMatcher.matches(Filters.ALL, editorialOnly)).isTrue();
        assertThat(SubscriptionMatcher.matches(substantive, mixed)).isTrue();
        // a change whose meaning was never computed (schema 1) is not hidden
        assertThat(SubscriptionMatcher.matches(substantive, CHANGE)).isTrue();
    }

    @Test
    void factsKeepChangesWithAProvisionCarryingOneOfThem() {
        ProvisionChange fine = meaning(CHANGE.changes().get(0), Significance.SUBSTANTIVE, List.of(),
                List.of(new Fact(FactKind.FINE, null, FactValue.amount(new BigDecimal(10000), new BigDecimal(50000), "CNY"))));
        DocumentChange withFine = Fixtures.change("f", "t", List.of(fine));
        Filters fines = new Filters(List.of(), List.of(), List.of(), List.of(), null, List.of(FactKind.FINE));
        Filters deadlines = new Filters(List.of(), List.of(), List.of(), List.of(), null,
                List.of(FactKind.DEADLINE, FactKind.EFFECTIVE_DATE));
        assertThat(SubscriptionMatcher.matches(fines, withFine)).isTrue();
        assertThat(SubscriptionMatcher.matches(deadlines, withFine)).isFalse();
        assertThat(SubscriptionMatcher.matches(fines, CHANGE)).isFalse();
    }

    private static ProvisionChange meaning(ProvisionChange p, Significance s, List<EditorialKind> kinds, List<Fact> facts) {
        return p.withMeaning(s, kinds, facts, "note");
    }

    @Test
    void aBaselineNeverMatches() {
        DocumentChange baseline = new DocumentChange(1, "c-1", "doc", "src", "n", "u", "t", "p", "CN", "zh",
                ChangeKind.BASELINE, null, new VersionRef("v", Instant.EPOCH, "h"), Instant.EPOCH, List.of(), List.of(),
                ChangeSummary.EMPTY);
        assertThat(SubscriptionMatcher.matches(Filters.ALL, baseline)).isFalse();
    }

    @Test
    void aNewDocumentCountsAsAdded() {
        DocumentChange created = new DocumentChange(1, "c-2", "doc", "src", "n", "u", "t", "p", "CN", "zh",
                ChangeKind.NEW_DOCUMENT, null, new VersionRef("v", Instant.EPOCH, "h"), Instant.EPOCH, List.of(),
                List.of(), ChangeSummary.EMPTY);
        assertThat(SubscriptionMatcher.matches(new Filters(List.of(), List.of(), List.of(), List.of(ChangeType.ADDED)),
                created)).isTrue();
    }
}
