package dev.policywatch.notifier.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.ChangeSummary;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.VersionRef;
import dev.policywatch.notifier.Fixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

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
