package dev.policywatch.web.subscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policywatch.web.api.SubscriptionRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubscribeFormTest {

    @Test
    void repeatedCheckboxesAndCommaOrLineSeparatedTextBecomeFilterLists() {
        SubscriptionRequest r = SubscribeForm.of(FormBody.parse("channel=email&target=+a%40b.org+&sources=x&sources=y"
                + "&jurisdictions=CN%2C%2CEU%2C+CN&keywords=AI%0D%0A%E6%95%B0%E6%8D%AE%2Cprofiling&changeTypes=modified"
                + "&mode=daily")).toRequest();
        assertThat(r.target()).isEqualTo("a@b.org");
        assertThat(r.filters().sources()).containsExactly("x", "y");
        assertThat(r.filters().jurisdictions()).containsExactly("CN", "EU");
        assertThat(r.filters().keywords()).containsExactly("AI", "数据", "profiling");
        assertThat(r.filters().changeTypes()).containsExactly("MODIFIED");
        assertThat(r.mode()).isEqualTo("daily");
    }

    @Test
    void aSourcesTextFieldIsSplitOnCommas() {
        SubscriptionRequest r = SubscribeForm.of(FormBody.parse("channel=slack&target=https%3A%2F%2Fhooks.slack.com%2Fx"
                + "&sources=a%2C+b&mode=immediate")).toRequest();
        assertThat(r.filters().sources()).containsExactly("a", "b");
        assertThat(r.channel()).isEqualTo("slack");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "channel=fax&target=x&mode=daily|Choose email or Slack",
            "channel=email&target=&mode=daily|Enter the email address",
            "channel=slack&target=&mode=daily|Enter the Slack webhook URL",
            "channel=email&target=a%40b.org&mode=weekly|immediate alerts or a daily digest",
            "channel=email&target=a%40b.org&mode=daily&changeTypes=REWRITTEN|Unknown change type: REWRITTEN"})
    void invalidInputIsRejectedWithAMessageForTheUser(String form, String message) {
        assertThatThrownBy(() -> SubscribeForm.of(FormBody.parse(form)).toRequest())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void aBadlyEncodedOrHugeFormIsRejected() {
        assertThatThrownBy(() -> FormBody.parse("target=%zz")).hasMessageContaining("not validly encoded");
        assertThatThrownBy(() -> FormBody.parse("k=" + "a".repeat(FormBody.MAX_LENGTH)))
                .hasMessageContaining("larger than");
    }
}
