package dev.policywatch.events;

import java.time.Instant;
import java.util.List;

/** Complete, realistic events: a CAC regulation whose 第十七条 was modified and 第十八条 inserted. */
final class Examples {

    static final Instant V1_FETCHED = Instant.parse("2026-11-20T02:00:00Z");
    static final Instant V2_FETCHED = Instant.parse("2026-11-29T02:00:00Z");

    private Examples() {
    }

    static PageSnapshot snapshot() {
        return PageSnapshot.present("cac-genai-measures", "cac-genai-measures",
                "Interim Measures for the Management of Generative AI Services", "Cyberspace Administration of China",
                "CN", "https://www.cac.gov.cn/2023-07/13/c_1690898327029107.htm", V2_FETCHED,
                "text/html; charset=utf-8", "生成式人工智能服务管理暂行办法", "zh", Origin.CONFIGURED,
                List.of(Block.heading(1, "生成式人工智能服务管理暂行办法"),
                        Block.heading(2, "第一章 总则"),
                        Block.paragraph("第一条 为了促进生成式人工智能健康发展和规范应用，制定本办法。"),
                        Block.heading(2, "第四章 监督检查和法律责任"),
                        Block.paragraph("第十七条 提供者应当按照国家有关规定开展安全评估，并履行算法备案手续。"),
                        Block.listItem("（一）备案信息发生变更的，应当在十个工作日内办理变更手续；")));
    }

    /** 附件1 of the page above, a Word file: a document of its own that names its parent. */
    static PageSnapshot attachment() {
        List<Block> blocks = List.of(Block.heading(1, "生成式人工智能服务安全评估要点"),
                Block.listItem("第一条 提供者应当对训练数据来源开展安全评估。"));
        return new PageSnapshot(PageSnapshot.SCHEMA_VERSION, "cac-genai-measures.5d41402abc4b", "cac-genai-measures",
                "Interim Measures for the Management of Generative AI Services", "Cyberspace Administration of China",
                "CN", "https://www.cac.gov.cn/files/2023-07/fujian1.docx", V2_FETCHED,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "附件1：生成式人工智能服务安全评估要点", "zh", Origin.BACKFILL, DocumentStatus.PRESENT, blocks,
                ContentHash.of(blocks), "cac-genai-measures");
    }

    static DocumentChange change() {
        VersionRef from = new VersionRef(Ids.versionId("cac-genai-measures", "sha256:aa", V1_FETCHED), V1_FETCHED, "sha256:aa");
        VersionRef to = VersionRef.of(snapshot());
        ProvisionChange modified = new ProvisionChange(ChangeType.MODIFIED, "第十七条", "第十七条",
                List.of("第四章", "第十七条"), List.of("第四章", "第十七条"),
                "第十七条 提供者应当按照国家有关规定开展安全评估。",
                "第十七条 提供者应当按照国家有关规定开展安全评估，并履行算法备案手续。", 0.86,
                List.of(DiffOp.equal("第十七条 提供者应当按照国家有关规定开展安全评估"), DiffOp.delete("。"),
                        DiffOp.insert("，并履行算法备案手续。")),
                Significance.SUBSTANTIVE, List.of(),
                List.of(new Fact(FactKind.OBLIGATION, FactValue.modals(List.of("应当")), FactValue.modals(List.of("应当")))),
                "新增：并履行算法备案手续");
        ProvisionChange added = new ProvisionChange(ChangeType.ADDED, null, "第十八条", null,
                List.of("第四章", "第十八条"), null, "第十八条 提供者发现违法内容的，应当及时采取处置措施。", 0.0,
                List.of(DiffOp.insert("第十八条 提供者发现违法内容的，应当及时采取处置措施。")),
                Significance.SUBSTANTIVE, List.of(),
                List.of(new Fact(FactKind.OBLIGATION, null, FactValue.modals(List.of("应当")))),
                "新增条文：第十八条 提供者发现违法内容的，应当及时采取处置措施。");
        ProvisionChange renumbered = new ProvisionChange(ChangeType.RENUMBERED, "第十八条", "第十九条",
                List.of("第四章", "第十八条"), List.of("第四章", "第十九条"),
                "第十八条 使用者发现生成式人工智能服务不符合法律规定的，有权投诉、举报。",
                "第十九条 使用者发现生成式人工智能服务不符合法律规定的，有权投诉、举报。", 1.0, List.of(),
                Significance.EDITORIAL, List.of(), List.of(), "条号变更：第十八条 → 第十九条");
        List<ProvisionChange> changes = List.of(modified, added, renumbered);
        return new DocumentChange(DocumentChange.SCHEMA_VERSION,
                Ids.changeId("cac-genai-measures", from.versionId(), to.versionId()), "cac-genai-measures",
                "cac-genai-measures", "Interim Measures for the Management of Generative AI Services",
                "https://www.cac.gov.cn/2023-07/13/c_1690898327029107.htm", "生成式人工智能服务管理暂行办法",
                "Cyberspace Administration of China", "CN", "zh", ChangeKind.UPDATED, from, to,
                Instant.parse("2026-11-29T02:00:03Z"), changes, List.of(),
                ChangeSummary.of(changes, 21).withMeaning(changes, "第十七条：新增：并履行算法备案手续；另有1处实质修改；1条重新编号"));
    }
}
