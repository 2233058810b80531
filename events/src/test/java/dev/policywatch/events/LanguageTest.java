package dev.policywatch.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "zh-CN|ZH_CN", "zh|ZH_CN", "zh-Hans-CN|ZH_CN", "zh_tw|ZH_CN", "ZH-cn|ZH_CN", "cmn|ZH_CN",
            "en|EN", "en-GB|EN", "en_US|EN", "EN|EN"})
    void readsTheTagsPeopleAndBrowsersWrite(String tag, Language expected) {
        assertThat(Language.fromTag(tag)).hasValue(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"fr", "de-DE", "zhx", "english", "*", " "})
    void anythingElseIsNoLanguage(String tag) {
        assertThat(Language.fromTag(tag)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "zh-CN,zh;q=0.9,en;q=0.8|ZH_CN",
            "en-US,en;q=0.9,zh-CN;q=0.8|EN",
            "fr-FR, zh-TW;q=0.7, en;q=0.5|ZH_CN",
            "en;q=0.2, zh;q=0.9|ZH_CN",
            "zh;q=0, en|EN",
            "de, fr;q=0.5, en-GB;q=0.1|EN",
            "zh;q=0.8, en;q=0.8|ZH_CN",
            "en;q=abc, zh;q=0.5|ZH_CN"})
    void picksTheBestWeightedSupportedRange(String header, Language expected) {
        assertThat(Language.fromAcceptLanguage(header)).hasValue(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"fr, de;q=0.5", "*", "zh;q=0", ";;;,,,"})
    void aHeaderWithoutASupportedLanguageNamesNone(String header) {
        assertThat(Language.fromAcceptLanguage(header)).isEmpty();
    }

    @Test
    void theChoiceOutweighsTheHeaderAndEnglishIsTheDefault() {
        assertThat(Language.choose("en", "zh-CN")).isEqualTo(Language.EN);
        assertThat(Language.choose("zh-CN", "en")).isEqualTo(Language.ZH_CN);
        assertThat(Language.choose("xx", "zh")).isEqualTo(Language.ZH_CN);
        assertThat(Language.choose(null, "fr")).isEqualTo(Language.EN);
        assertThat(Language.choose(null, "x".repeat(5000))).isEqualTo(Language.EN);
        assertThat(Language.of(Locale.SIMPLIFIED_CHINESE)).isEqualTo(Language.ZH_CN);
        assertThat(Language.of(Locale.FRENCH)).isEqualTo(Language.EN);
        assertThat(Language.ZH_CN.tag()).isEqualTo("zh-CN");
    }
}
