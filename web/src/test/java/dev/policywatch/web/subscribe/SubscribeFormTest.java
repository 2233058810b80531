package dev.policywatch.web.subscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policywatch.api.subscriptions.Channel;
import dev.policywatch.api.subscriptions.Mode;
import dev.policywatch.api.subscriptions.SubscriptionRequest;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubscribeFormTest {

    @Test
    void repeatedCheckboxesAndCommaOrLineSeparatedTextBecomeFilterLists() {
        SubscriptionRequest r = SubscribeForm.of(FormBody.parse("channel=email&target=+a%40b.org+&sources=x&sources=y"
                + "&jurisdictions=CN%2C%2CEU%2C+CN&keywords=AI%0D%0A%E6%95%B0%E6%8D%AE%2Cprofiling&changeTypes=modified"
                + "&mode=daily")).toRequest(Language.ZH_CN);
        assertThat(r.target()).isEqualTo("a@b.org");
        assertThat(r.filters().sources()).containsExactly("x", "y");
        assertThat(r.filters().jurisdictions()).containsExactly("CN", "EU");
        assertThat(r.filters().keywords()).containsExactly("AI", "数据", "profiling");
        assertThat(r.filters().changeTypes()).containsExactly(ChangeType.MODIFIED);
        assertThat(r.mode()).isEqualTo(Mode.DAILY);
        // the alerts follow the language of the page the reader subscribed on
        assertThat(r.locale()).isEqualTo("zh-CN");
    }

    @Test
    void aSourcesTextFieldIsSplitOnCommas() {
        SubscriptionRequest r = SubscribeForm.of(FormBody.parse("channel=slack&target=https%3A%2F%2Fhooks.slack.com%2Fx"
                + "&sources=a%2C+b&mode=immediate")).toRequest(Language.ZH_CN);
        assertThat(r.filters().sources()).containsExactly("a", "b");
        assertThat(r.channel()).isEqualTo(Channel.SLACK);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "channel=fax&target=x&mode=daily|subscribe.invalid.channel",
            "channel=email&target=&mode=daily|subscribe.invalid.target.email",
            "channel=slack&target=&mode=daily|subscribe.invalid.target.webhook",
            "channel=email&target=a%40b.org&mode=weekly|subscribe.invalid.mode",
            "channel=email&target=a%40b.org&mode=daily&changeTypes=REWRITTEN|subscribe.invalid.type"})
    void invalidInputIsRejectedWithTheMessageKeyForTheUser(String form, String key) {
        assertThatThrownBy(() -> SubscribeForm.of(FormBody.parse(form)).toRequest(dev.policywatch.events.Language.ZH_CN))
                .isInstanceOfSatisfying(SubscribeForm.Invalid.class, e -> assertThat(e.key()).isEqualTo(key));
    }

    @Test
    void theUnknownTypeIsNamedInTheMessage() {
        assertThatThrownBy(() -> SubscribeForm.of(FormBody.parse("channel=email&target=a%40b.org&mode=daily"
                + "&changeTypes=REWRITTEN")).toRequest(dev.policywatch.events.Language.ZH_CN))
                .isInstanceOfSatisfying(SubscribeForm.Invalid.class, e -> assertThat(e.args()).containsExactly("REWRITTEN"));
    }

    @Test
    void aBadlyEncodedOrHugeFormIsRejected() {
        assertThatThrownBy(() -> FormBody.parse("target=%zz"))
                .isInstanceOfSatisfying(SubscribeForm.Invalid.class, e -> assertThat(e.key()).isEqualTo("subscribe.invalid.encoding"));
        assertThatThrownBy(() -> FormBody.parse("k=" + "a".repeat(FormBody.MAX_LENGTH)))
                .isInstanceOfSatisfying(SubscribeForm.Invalid.class, e -> assertThat(e.key()).isEqualTo("subscribe.invalid.tooLarge"));
    }
}
