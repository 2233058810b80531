package dev.policywatch.notifier.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policywatch.api.subscriptions.Channel;
import dev.policywatch.api.subscriptions.Mode;
import dev.policywatch.api.subscriptions.SubscriptionPatch;
import dev.policywatch.api.subscriptions.SubscriptionRequest;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.FactKind;
import dev.policywatch.events.Significance;
import dev.policywatch.support.Problem;
import dev.policywatch.support.RequestBodies;
import io.micronaut.context.ApplicationContext;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bodies of {@code POST} and {@code PATCH /api/subscriptions} as the notifier reads them: the
 * records of module {@code api}, read strictly and checked by Bean Validation (and {@link TargetValidator}),
 * each refusal a 400 whose detail names the field and what it must be.
 */
class SubscriptionBodiesTest {

    private static ApplicationContext context;
    private static RequestBodies bodies;

    @BeforeAll
    static void start() {
        context = ApplicationContext.run(Map.of("policywatch.notifier.enabled", "false"));
        bodies = context.getBean(RequestBodies.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void aFullRequestIsReadWithItsValuesTypedAndCaseInsensitive() {
        SubscriptionRequest r = bodies.read("""
                {"channel": "slack", "target": "  https://hooks.slack.com/services/T/B/x  ",
                 "filters": {"sources": [" a ", "a", ""], "jurisdictions": ["CN"], "keywords": ["数据"],
                             "changeTypes": ["added", "MODIFIED"], "significance": "substantive", "facts": ["fine"]},
                 "mode": "DAILY", "digestTime": "07:30", "digestZone": "Asia/Shanghai"}""", SubscriptionRequest.class);
        assertThat(r.channel()).isEqualTo(Channel.SLACK);
        assertThat(r.target()).isEqualTo("https://hooks.slack.com/services/T/B/x");
        assertThat(r.filters().sources()).containsExactly("a");
        assertThat(r.filters().changeTypes()).containsExactly(ChangeType.ADDED, ChangeType.MODIFIED);
        assertThat(r.filters().significance()).isEqualTo(Significance.SUBSTANTIVE);
        assertThat(r.filters().facts()).containsExactly(FactKind.FINE);
        assertThat(r.mode()).isEqualTo(Mode.DAILY);
        assertThat(r.digestTime()).isEqualTo(LocalTime.of(7, 30));
        assertThat(r.digestZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void absentFieldsTakeTheirDefaults() {
        SubscriptionRequest r = bodies.read("{\"channel\": \"console\"}", SubscriptionRequest.class);
        assertThat(r.channel()).isEqualTo(Channel.CONSOLE);
        assertThat(r.target()).isNull();
        assertThat(r.mode()).isEqualTo(Mode.IMMEDIATE);
        assertThat(r.filters().sources()).isEmpty();
    }

    @ParameterizedTest(name = "{index}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "'{not json'|the body is not valid JSON: ",
        "'[1, 2]'|the body must be a JSON object",
        "'\"email\"'|the body must be a JSON object",
        "'   '|the body must be a JSON object",
        "'{\"channel\": \"email\", \"target\": \"a@example.org\"} {}'|the body is not valid JSON: ",
        "'{\"target\": \"a@example.org\"}'|channel is required",
        "'{\"channel\": \"pigeon\", \"target\": \"x\"}'|channel must be one of \"email\", \"slack\", \"console\", \"wecom\", \"dingtalk\", \"feishu\", \"teams\", \"webhook\", was \"pigeon\"",
        "'{\"channel\": 3}'|channel must be one of \"email\", \"slack\", \"console\"",
        "'{\"channel\": \"email\", \"target\": \"a@example.org\", \"filter\": {}}'|unknown field filter (expected one of [channel, digestTime, digestZone, filters, locale, mode, secret, target])",
        "'{\"channel\": \"email\"}'|target is required",
        "'{\"channel\": \"email\", \"target\": \"   \"}'|target is required",
        "'{\"channel\": \"email\", \"target\": 42}'|target must be a string",
        "'{\"channel\": \"email\", \"target\": \"not an address\"}'|target: \"not an address\" is not a valid email address (RFC 5322 addr-spec, like name@example.org)",
        "'{\"channel\": \"email\", \"target\": \"Ana <a@example.org>\"}'|is not a valid email address",
        "'{\"channel\": \"email\", \"target\": \"a@example.org\\r\\nBcc: b@example.org\"}'|target must not contain line breaks or control characters",
        "'{\"channel\": \"slack\", \"target\": \"https://hooks.slack.com/\\u0000\"}'|target must not contain line breaks or control characters",
        "'{\"channel\": \"email\", \"target\": \"a@example.org\", \"mode\": \"weekly\"}'|mode must be one of \"immediate\", \"daily\", was \"weekly\"",
        "'{\"channel\": \"email\", \"target\": \"a@example.org\", \"digestTime\": \"8 o''clock\"}'|digestTime must be a time of day like \"08:00\"",
        "'{\"channel\": \"email\", \"target\": \"a@example.org\", \"digestZone\": \"Mars/Olympus\"}'|digestZone must be a time zone id like \"Asia/Shanghai\" or \"UTC\"",
        "'{\"channel\": \"email\", \"target\": \"a@example.org\", \"filters\": []}'|filters must be an object",
        "'{\"channel\": \"email\", \"target\": \"a@example.org\", \"filters\": {\"source\": []}}'|unknown field filters.source (expected one of [changeTypes, facts, jurisdictions, keywords, significance, sources])",
        "'{\"channel\": \"email\", \"target\": \"a@example.org\", \"filters\": {\"sources\": \"a\"}}'|filters.sources must be an array",
        "'{\"channel\": \"email\", \"target\": \"a@example.org\", \"filters\": {\"sources\": [1]}}'|filters.sources[0] must be a string",
        "'{\"channel\": \"email\", \"target\": \"a@example.org\", \"filters\": {\"changeTypes\": [\"EDITED\"]}}'|filters.changeTypes[0] must be one of \"ADDED\", \"REMOVED\", \"MODIFIED\", \"RENUMBERED\", was \"EDITED\"",
        "'{\"channel\": \"email\", \"target\": \"a@example.org\", \"filters\": {\"facts\": [\"PENALTY\"]}}'|filters.facts[0] must be one of \"FINE\", \"DEADLINE\", \"EFFECTIVE_DATE\", \"OBLIGATION\", was \"PENALTY\"",
        "'{\"channel\": \"email\", \"target\": \"a@example.org\", \"filters\": {\"significance\": \"EDITORIAL\"}}'|filters.significance must be \"SUBSTANTIVE\" or null (editorial-only changes are then not sent), was \"EDITORIAL\"",
    })
    void invalidBodiesAreRefusedNamingTheFieldAndWhatItMustBe(String body, String detail) {
        assertThatThrownBy(() -> bodies.read(body, SubscriptionRequest.class))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.status().getCode()).isEqualTo(400);
                    assertThat(p.detail()).contains(detail);
                });
    }

    @Test
    void tooManyOrTooLongFilterValuesAndTooLongTargetsAreRefused() {
        String many = IntStream.rangeClosed(1, 51).mapToObj(i -> "\"k" + i + "\"").collect(Collectors.joining(",", "[", "]"));
        assertDetail("{\"channel\": \"email\", \"target\": \"a@example.org\", \"filters\": {\"keywords\": " + many + "}}",
                "filters.keywords takes at most 50 values");
        assertDetail("{\"channel\": \"email\", \"target\": \"a@example.org\", \"filters\": {\"sources\": [\""
                + "x".repeat(201) + "\"]}}", "filters.sources: values must be at most 200 characters without control characters");
        assertDetail("{\"channel\": \"email\", \"target\": \"" + "a".repeat(250) + "@example.org\"}",
                "target: an email address must be at most 254 characters");
        assertDetail("{\"channel\": \"slack\", \"target\": \"https://hooks.slack.com/" + "x".repeat(2000) + "\"}",
                "target must be at most 2000 characters");
    }

    @Test
    void aChangeTakesOnlyWhatMayChangeAndRefusesNull() {
        SubscriptionPatch p = bodies.readChange("{\"mode\": \"daily\", \"digestZone\": \"UTC\"}", SubscriptionPatch.class);
        assertThat(p.mode()).isEqualTo(Mode.DAILY);
        assertThat(p.filters()).isNull();
        assertThat(p.digestTime()).isNull();
        assertThat(p.digestZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(bodies.readChange("{\"filters\": {}}", SubscriptionPatch.class).filters().sources()).isEmpty();
        assertPatchDetail("{\"mode\": null}", "mode must not be null (leave it out to keep the current value)");
        assertPatchDetail("{\"filters\": null}", "filters must not be null (leave it out to keep the current value)");
        assertPatchDetail("{\"channel\": \"slack\"}", "unknown field channel (expected one of [digestTime, digestZone, filters, locale, mode])");
    }

    private static void assertDetail(String body, String detail) {
        assertThatThrownBy(() -> bodies.read(body, SubscriptionRequest.class))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.detail()).isEqualTo(detail));
    }

    private static void assertPatchDetail(String body, String detail) {
        assertThatThrownBy(() -> bodies.readChange(body, SubscriptionPatch.class))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.detail()).isEqualTo(detail));
    }
}
