package dev.policywatch.engine.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DraftMarkersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "生成式人工智能服务管理办法（征求意见稿）|征求意见稿",
            "生成式人工智能服务管理办法(征求意见稿)|征求意见稿",
            "网络数据安全管理条例（征求意见稿）》公开征求意见的通知|征求意见稿",
            "中华人民共和国反垄断法（修正草案）|修正草案",
            "某某条例（送审稿）|送审稿",
            "企业信息公示暂行条例【草案】|草案",
            "互联网信息服务管理办法（修订草案征求意见稿）|修订草案",
            "某某管理办法（试行）|试行",
            "某某管理办法征求意见稿|征求意见稿",
            "Truth in Lending (Regulation Z) — Proposed Rule|Proposed Rule",
            "Notice of Proposed Rulemaking: Payment Card Fees|Notice of Proposed Rulemaking",
            "Exposure Draft: Revenue Recognition|Exposure Draft",
            "FedRAMP Security Inbox (DRAFT)|DRAFT",
            "Request for Comments on Open Banking|Request for Comments",
            "Guidance on AI risk, for public comment|for public comment"})
    void findsTheMarker(String title, String marker) {
        assertThat(DraftMarkers.marker(title)).contains(marker);
        assertThat(DraftMarkers.isDraft(title)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"生成式人工智能服务管理暂行办法", "关于草案起草工作的说明", "草案审议程序规定实施情况报告",
            "Legislative drafting manual", "Drafted by the Commission: annual report", "Truth in Lending (Regulation Z)",
            "Final rule: Payment Card Fees", "Redraft of the guidelines"})
    void finalTitlesAndWordsThatOnlyLookLikeMarkersAreNotDrafts(String title) {
        assertThat(DraftMarkers.marker(title)).isEmpty();
    }

    @Test
    void strippingKeepsTheRestOfTheTitle() {
        assertThat(DraftMarkers.strip("生成式人工智能服务管理办法（征求意见稿）")).isEqualTo("生成式人工智能服务管理办法");
        assertThat(DraftMarkers.strip("Truth in Lending (Regulation Z) — Proposed Rule"))
                .isEqualTo("Truth in Lending (Regulation Z)");
        assertThat(DraftMarkers.strip("FedRAMP Security Inbox (DRAFT)")).isEqualTo("FedRAMP Security Inbox");
    }

    @Test
    void keysIgnoreWidthSpacingCaseAndPunctuation() {
        assertThat(DraftMarkers.key("Truth in Lending (Regulation Z): Proposed Rule"))
                .isEqualTo(DraftMarkers.key("TRUTH IN LENDING – REGULATION Z"));
        assertThat(DraftMarkers.key("数据出境安全评估办法（征求意见稿）")).isEqualTo(DraftMarkers.key("数据出境安全评估办法"));
    }
}
