package dev.policywatch.web;

import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.ChangeSummary;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.DiffOp;
import dev.policywatch.events.EditorialKind;
import dev.policywatch.events.Fact;
import dev.policywatch.events.FactKind;
import dev.policywatch.events.FactValue;
import dev.policywatch.events.Significance;
import java.math.BigDecimal;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.Ids;
import dev.policywatch.events.ProvisionChange;
import dev.policywatch.events.VersionRef;
import java.time.Instant;
import java.util.List;

/** Canned changes, built from the event records, as the history API would give them. */
public final class Fixtures {

    public static final String ZH_DOC = "cac-genai-measures";
    public static final String EN_DOC = "eu-ai-act.3f2a9c1b7d4e";
    public static final String XSS_DOC = "evil-listing.9a8b7c6d5e4f";
    public static final String SCRIPT = "<script>alert(1)</script>";
    public static final String IMG = "<img src=x onerror=alert(1)>";

    static final Instant T0 = Instant.parse("2024-03-01T08:00:00Z");
    static final Instant T1 = Instant.parse("2024-05-10T09:30:00Z");
    static final Instant T2 = Instant.parse("2024-05-12T07:15:00Z");
    static final Instant T3 = Instant.parse("2024-05-14T11:45:00Z");

    public static final VersionRef ZH_V1 = new VersionRef(Ids.versionId(ZH_DOC, "sha256:aa", T0), T0, "sha256:aa");
    public static final VersionRef ZH_V2 = new VersionRef(Ids.versionId(ZH_DOC, "sha256:bb", T3), T3, "sha256:bb");

    private Fixtures() {
    }

    /** A Chinese regulation: one article modified, one added, the next renumbered, a chapter heading changed. */
    public static DocumentChange chinese() {
        ProvisionChange modified = new ProvisionChange(ChangeType.MODIFIED, "第十条", "第十条",
                List.of("第三章", "第十条"), List.of("第三章", "第十条"),
                "提供者应当依法开展预训练、优化训练等训练数据处理活动，使用具有合法来源的数据和基础模型。",
                "提供者应当依法开展预训练、优化训练等训练数据处理活动，使用具有合法来源的数据和基础模型；涉及个人信息的，应当取得个人同意。",
                0.82, List.of(DiffOp.equal("提供者应当依法开展预训练、优化训练等训练数据处理活动，使用具有合法来源的数据和基础模型"),
                        DiffOp.delete("。"), DiffOp.insert("；涉及个人信息的，应当取得个人同意。")));
        ProvisionChange added = new ProvisionChange(ChangeType.ADDED, null, "第十一条", List.of(),
                List.of("第三章", "第十一条"), null,
                "提供者应当对生成的图片、视频等内容进行标识。", 0, List.of());
        ProvisionChange renumbered = new ProvisionChange(ChangeType.RENUMBERED, "第十一条", "第十二条",
                List.of("第三章", "第十一条"), List.of("第三章", "第十二条"),
                "提供者对使用者的输入信息和使用记录应当依法履行保护义务。",
                "提供者对使用者的输入信息和使用记录应当依法履行保护义务。", 1.0,
                List.of(DiffOp.equal("提供者对使用者的输入信息和使用记录应当依法履行保护义务。")));
        ProvisionChange heading = new ProvisionChange(ChangeType.MODIFIED, "第三章", "第三章", List.of("第三章"),
                List.of("第三章"), "第三章 服务规范", "第三章 服务规范与标识", 0.8,
                List.of(DiffOp.equal("第三章 服务规范"), DiffOp.insert("与标识")));
        List<ProvisionChange> changes = List.of(modified, added, renumbered);
        return new DocumentChange(1, Ids.changeId(ZH_DOC, ZH_V1.versionId(), ZH_V2.versionId()), ZH_DOC,
                "cac-genai-measures", "生成式人工智能服务管理暂行办法", "https://www.cac.gov.cn/2023-07/13/c_1690898327029107.htm",
                "生成式人工智能服务管理暂行办法", "国家互联网信息办公室", "CN", "zh", ChangeKind.UPDATED, ZH_V1, ZH_V2, T3,
                changes, List.of(heading), ChangeSummary.of(changes, 21));
    }

    /** An English document whose article was modified. */
    public static DocumentChange english() {
        VersionRef v1 = new VersionRef(Ids.versionId(EN_DOC, "sha256:cc", T0), T0, "sha256:cc");
        VersionRef v2 = new VersionRef(Ids.versionId(EN_DOC, "sha256:dd", T2), T2, "sha256:dd");
        ProvisionChange modified = new ProvisionChange(ChangeType.MODIFIED, "Article 5", "Article 5",
                List.of("Chapter II", "Article 5"), List.of("Chapter II", "Article 5"),
                "Providers shall keep records for five years.", "Providers shall keep records for ten years.", 0.9,
                List.of(DiffOp.equal("Providers shall keep records for "), DiffOp.delete("five"), DiffOp.insert("ten"),
                        DiffOp.equal(" years.")));
        return new DocumentChange(1, Ids.changeId(EN_DOC, v1.versionId(), v2.versionId()), EN_DOC, "eu-ai-act",
                "EU AI Act", "https://eur-lex.europa.eu/eli/reg/2024/1689/oj", "Artificial Intelligence Act",
                "European Union", "EU", "en", ChangeKind.UPDATED, v1, v2, T2, List.of(modified), List.of(),
                ChangeSummary.of(List.of(modified), 112));
    }

    /** A hostile page: markup in every crawled string. */
    public static DocumentChange hostile() {
        VersionRef v1 = new VersionRef(Ids.versionId(XSS_DOC, "sha256:ee", T0), T0, "sha256:ee");
        VersionRef v2 = new VersionRef(Ids.versionId(XSS_DOC, "sha256:ff", T1), T1, "sha256:ff");
        ProvisionChange modified = new ProvisionChange(ChangeType.MODIFIED, "Section 1" + IMG, "Section 1" + IMG,
                List.of(), List.of(), "Plain text.", "Plain text. " + SCRIPT + " " + IMG, 0.5,
                List.of(DiffOp.equal("Plain text."), DiffOp.insert(" " + SCRIPT + " " + IMG)));
        ProvisionChange added = new ProvisionChange(ChangeType.ADDED, null, "Section 2", List.of(), List.of(), null,
                IMG + " added " + SCRIPT, 0, List.of());
        return new DocumentChange(1, Ids.changeId(XSS_DOC, v1.versionId(), v2.versionId()), XSS_DOC, "evil-listing",
                "Evil " + SCRIPT, "javascript:alert(1)", "Title " + SCRIPT + IMG, "Publisher " + IMG, "XX", "en\"><script>",
                ChangeKind.UPDATED, v1, v2, T1, List.of(modified, added), List.of(), null);
    }

    /** A guidance page whose two sections changed: for the screenshots' timeline. */
    public static DocumentChange guidance() {
        String doc = "ico-ai-guidance";
        Instant t1 = Instant.parse("2024-05-13T16:20:00Z");
        VersionRef v1 = new VersionRef(Ids.versionId(doc, "sha256:11", T0), T0, "sha256:11");
        VersionRef v2 = new VersionRef(Ids.versionId(doc, "sha256:12", t1), t1, "sha256:12");
        ProvisionChange a = new ProvisionChange(ChangeType.MODIFIED, "3.2", "3.2", List.of("3", "3.2"), List.of("3", "3.2"),
                "Controllers should explain decisions.", "Controllers must explain automated decisions.", 0.7,
                List.of(DiffOp.equal("Controllers "), DiffOp.delete("should"), DiffOp.insert("must"),
                        DiffOp.equal(" explain "), DiffOp.insert("automated "), DiffOp.equal("decisions.")));
        ProvisionChange b = new ProvisionChange(ChangeType.REMOVED, "3.5", null, List.of("3", "3.5"), List.of(),
                "This section will be reviewed in 2023.", null, 0, List.of());
        return new DocumentChange(1, Ids.changeId(doc, v1.versionId(), v2.versionId()), doc, doc,
                "ICO guidance on AI and data protection", "https://ico.org.uk/for-organisations/ai/",
                "Guidance on AI and data protection", "Information Commissioner's Office", "UK", "en",
                ChangeKind.UPDATED, v1, v2, t1, List.of(a, b), List.of(), ChangeSummary.of(List.of(a, b), 40));
    }

    /**
     * A Chinese law whose fine was raised (substantive, with its fact), whose 帐→账 and punctuation were
     * corrected (editorial) and whose renumbered article cites the renumbered 第七条 → 第八条 (an event
     * from before renumbered provisions carried their diff: diff empty, texts differ).
     */
    public static DocumentChange penalty() {
        String doc = "cn-accounting";
        VersionRef v1 = new VersionRef(Ids.versionId(doc, "sha256:p1", T0), T0, "sha256:p1");
        VersionRef v2 = new VersionRef(Ids.versionId(doc, "sha256:p2", T3), T3, "sha256:p2");
        ProvisionChange fine = new ProvisionChange(ChangeType.MODIFIED, "第四十二条", "第四十三条",
                List.of("第六章", "第四十二条"), List.of("第六章", "第四十三条"),
                "违反本法规定的，处五千元以上三万元以下的罚款。", "违反本法规定的，处一万元以上十万元以下的罚款。", 0.85,
                List.of(DiffOp.equal("违反本法规定的，处"), DiffOp.delete("五千元以上三"), DiffOp.insert("一万元以上十"),
                        DiffOp.equal("万元以下的罚款。")),
                Significance.SUBSTANTIVE, List.of(),
                List.of(new Fact(FactKind.FINE, FactValue.amount(new BigDecimal(5000), new BigDecimal(30000), "CNY"),
                        FactValue.amount(new BigDecimal(10000), new BigDecimal(100000), "CNY"))),
                "罚款 5千–3万元 → 1万–10万元；修改：五千元以上三 → 一万元以上十");
        ProvisionChange books = new ProvisionChange(ChangeType.MODIFIED, "第十条", "第十条",
                List.of("第二章", "第十条"), List.of("第二章", "第十条"),
                "各单位应当依法设置会计帐簿，并保证其真实、完整", "各单位应当依法设置会计账簿，并保证其真实、完整。", 0.95,
                List.of(DiffOp.equal("各单位应当依法设置会计"), DiffOp.delete("帐"), DiffOp.insert("账"),
                        DiffOp.equal("簿，并保证其真实、完整"), DiffOp.insert("。")),
                Significance.EDITORIAL, List.of(EditorialKind.PUNCTUATION, EditorialKind.VARIANT), List.of(),
                "仅标点、用字修改");
        ProvisionChange reference = new ProvisionChange(ChangeType.RENUMBERED, "第四十三条", "第四十四条",
                List.of("第六章", "第四十三条"), List.of("第六章", "第四十四条"),
                "有本法第七条所列行为的，依法处理。", "有本法第八条所列行为的，依法处理。", 1.0, List.of(),
                Significance.EDITORIAL, List.of(EditorialKind.CROSS_REFERENCE), List.of(),
                "条号变更：第四十三条 → 第四十四条；引用条号随重新编号更新");
        List<ProvisionChange> changes = List.of(books, fine, reference);
        return new DocumentChange(DocumentChange.SCHEMA_VERSION, Ids.changeId(doc, v1.versionId(), v2.versionId()), doc,
                doc, "会计法", "https://www.npc.gov.cn/accounting.html", "中华人民共和国会计法", "全国人民代表大会常务委员会",
                "CN", "zh", ChangeKind.UPDATED, v1, v2, T3.plusSeconds(60), changes, List.of(),
                ChangeSummary.of(changes, 40).withMeaning(changes,
                        "第四十二条 → 第四十三条：罚款 5千–3万元 → 1万–10万元；1处引用条号更新，1处文字规范"));
    }
}
