package dev.policywatch.engine.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.engine.lineage.PredecessorMatcher.Document;
import dev.policywatch.events.Block;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredecessorMatcherTest {

    private final PredecessorMatcher matcher = new PredecessorMatcher();

    static List<Block> articles(String title, String... texts) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.heading(1, title));
        String[] numbers = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
        for (int i = 0; i < texts.length; i++) {
            blocks.add(Block.paragraph("第" + numbers[i] + "条 " + texts[i]));
        }
        return blocks;
    }

    static final String[] DRAFT = {
            "为了促进生成式人工智能健康发展和规范应用，根据有关法律，制定本办法。",
            "研发、利用生成式人工智能产品，面向境内公众提供服务的，适用本办法。",
            "国家支持人工智能算法、框架等基础技术的自主创新、推广应用、国际合作。",
            "提供生成式人工智能产品或服务应当遵守法律法规的要求，尊重社会公德。",
            "提供者应当对生成式人工智能产品的预训练数据、优化训练数据来源的合法性负责。",
            "违反本办法规定的，由网信部门和有关主管部门按照职责依照法律规定予以处罚。"};
    static final String[] FINAL = {
            "为了促进生成式人工智能健康发展和规范应用，维护国家安全和社会公共利益，根据有关法律，制定本办法。",
            "利用生成式人工智能技术向中华人民共和国境内公众提供生成文本、图片服务，适用本办法。",
            "国家坚持发展和安全并重，支持人工智能算法、框架等基础技术的自主创新、推广应用、国际合作。",
            "提供和使用生成式人工智能服务，应当遵守法律、行政法规，尊重社会公德和伦理道德。",
            "生成式人工智能服务提供者应当依法开展预训练、优化训练等训练数据处理活动，使用具有合法来源的数据。",
            "提供者违反本办法规定的，由有关主管部门依照法律、行政法规的规定予以处罚。"};

    @Test
    void aFinalTextAtAnotherUrlLinksToItsDraftDespiteRewrittenArticles() {
        Document draft = new Document("cac.aaa", "v1", "CN", "生成式人工智能服务管理办法（征求意见稿）",
                articles("生成式人工智能服务管理办法（征求意见稿）", DRAFT));
        Document fin = new Document("cac.bbb", null, "CN", "生成式人工智能服务管理暂行办法",
                articles("生成式人工智能服务管理暂行办法", FINAL));
        assertThat(matcher.find(fin, List.of(draft))).hasValueSatisfying(m -> {
            assertThat(m.documentId()).isEqualTo("cac.aaa");
            assertThat(m.versionId()).isEqualTo("v1");
            assertThat(m.similarity()).isBetween(PredecessorMatcher.MIN_ALIGNMENT, 1.0);
            assertThat(m.reason()).contains("same title");
        });
    }

    @Test
    void anotherJurisdictionOrUnrelatedProvisionsNeverLink() {
        Document draft = new Document("a", "v1", "CN", "某某管理办法（征求意见稿）", articles("某某管理办法（征求意见稿）", DRAFT));
        Document elsewhere = new Document("b", null, "CN-SH", "某某管理办法", articles("某某管理办法", FINAL));
        assertThat(matcher.find(elsewhere, List.of(draft))).isEmpty();
        Document unrelated = new Document("c", null, "CN", "某某管理办法", articles("某某管理办法",
                "本市行政区域内的音像制品出版、制作、复制、进口、批发、零售和出租等活动，适用本条例。",
                "市文化旅游部门负责本市音像制品的监督管理工作。",
                "导游等级考核工作遵循自愿申报、逐级晋升、动态管理的原则。"));
        assertThat(matcher.find(unrelated, List.of(draft))).isEmpty();
    }

    @Test
    void aBoilerplateNoticeWithASimilarTitleFromTheSamePublisherDoesNotLink() {
        Document first = new Document("n1", "v1", "CN", "关于开展2023年网络安全检查工作的通知",
                List.of(Block.heading(1, "关于开展2023年网络安全检查工作的通知"),
                        Block.paragraph("各有关单位：为做好网络安全保障工作，现就开展网络安全检查有关事项通知如下。"),
                        Block.paragraph("一、检查范围为本地区关键信息基础设施运营者。"),
                        Block.paragraph("二、请于6月30日前报送自查报告。")));
        Document second = new Document("n2", null, "CN", "关于开展2023年数据安全检查工作的通知",
                List.of(Block.heading(1, "关于开展2023年数据安全检查工作的通知"),
                        Block.paragraph("各有关单位：为做好数据安全保障工作，现就开展数据安全检查有关事项通知如下。"),
                        Block.paragraph("一、检查范围为本地区重要数据处理者。"),
                        Block.paragraph("二、请于9月30日前报送自查报告。")));
        assertThat(matcher.find(second, List.of(first))).isEmpty();
        Document notice = new Document("n3", "v1", "US", "Notice", List.of(Block.paragraph("Meeting on May 2.")));
        Document notice2 = new Document("n4", null, "US", "Notice", List.of(Block.paragraph("Meeting on May 2.")));
        assertThat(matcher.find(notice2, List.of(notice))).as("generic title, same text").isEmpty();
    }

    @Test
    void aSharedRinLinksAProposedRuleToItsFinalRuleUnderAnotherTitle() {
        List<Block> proposed = List.of(Block.heading(1, "Debt Collection Practices (Regulation F): Proposed Rule"),
                Block.paragraph("AGENCY: Bureau of Consumer Financial Protection. RIN 3170-AA41"),
                Block.heading(2, "§ 1006.1 Authority, purpose, and coverage."),
                Block.paragraph("This part is issued by the Bureau under section 814(d) of the Act."),
                Block.heading(2, "§ 1006.2 Definitions."),
                Block.paragraph("For purposes of this part, the following definitions apply: consumer means any natural person."),
                Block.heading(2, "§ 1006.6 Communications in connection with debt collection."),
                Block.paragraph("A debt collector must not communicate with a consumer at an unusual time or place."));
        List<Block> fin = List.of(Block.heading(1, "Fair Debt Collection Practices Act (Regulation F)"),
                Block.paragraph("AGENCY: Bureau of Consumer Financial Protection. RIN 3170–AA41"),
                Block.heading(2, "§ 1006.1 Authority, purpose, and coverage."),
                Block.paragraph("This part is issued by the Bureau under sections 814(d) and 1022 of the Act."),
                Block.heading(2, "§ 1006.2 Definitions."),
                Block.paragraph("For purposes of this part, the following definitions apply: consumer means any natural person, whether or not obligated."),
                Block.heading(2, "§ 1006.10 Acquisition of location information."),
                Block.paragraph("A debt collector may contact a person other than the consumer to acquire location information."));
        Document draft = new Document("fr.2019-09734", "p1", "US", "Debt Collection Practices (Regulation F): Proposed Rule",
                proposed);
        Document rule = new Document("fr.2020-24463", null, "US", "Fair Debt Collection Practices Act (Regulation F)", fin);
        assertThat(matcher.find(rule, List.of(draft))).hasValueSatisfying(m -> {
            assertThat(m.documentId()).isEqualTo("fr.2019-09734");
            assertThat(m.reason()).contains("RIN 3170-AA41");
        });
        Document otherRin = new Document("fr.x", null, "US", "Debt Collection Practices (Regulation F)",
                fin.stream().map(b -> b.text().contains("RIN") ? Block.paragraph("RIN 3170-AA99") : b).toList());
        assertThat(matcher.find(otherRin, List.of(draft))).as("two different RINs contradict each other").isEmpty();
    }

    @Test
    void aDraftAmendmentDoesNotReplaceTheLawInForce() {
        Document law = new Document("law", "v1", "CN", "某某管理办法", articles("某某管理办法", DRAFT));
        Document amendment = new Document("amend", null, "CN", "某某管理办法（修订草案征求意见稿）",
                articles("某某管理办法（修订草案征求意见稿）", DRAFT));
        assertThat(matcher.find(amendment, List.of(law))).isEmpty();
    }

    @Test
    void aStandardLinksByItsNumberWhateverItsYear() {
        assertThat(Identifiers.of("GB/T 45654—2025 网络安全技术 生成式人工智能服务安全基本要求", List.of()))
                .containsExactly("STANDARD:GB/T 45654");
        assertThat(Identifiers.of("Docket No. CFPB-2023-0052; RIN 3170-AB17", List.of()))
                .containsExactly("DOCKET:CFPB-2023-0052", "RIN:3170-AB17");
        // the body cites other standards: only the header counts
        List<Block> body = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            body.add(Block.paragraph("第" + i + "段"));
        }
        body.add(Block.paragraph("GB/T 22239 信息安全技术 网络安全等级保护基本要求"));
        assertThat(Identifiers.of("某标准", body)).isEmpty();
    }
}
