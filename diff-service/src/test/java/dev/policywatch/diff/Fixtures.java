package dev.policywatch.diff;

import dev.policywatch.events.Block;
import dev.policywatch.events.DocumentStatus;
import dev.policywatch.events.Origin;
import dev.policywatch.events.PageSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Snapshots of small documents, in Chinese and English, for the tests of this module. */
public final class Fixtures {

    public static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");

    private Fixtures() {
    }

    /** A Chinese regulation with the given articles (text only; labels 第一条, 第二条 … are added). */
    public static List<Block> chineseLaw(String... articles) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.heading(1, "数据安全管理办法"));
        blocks.add(Block.heading(2, "第一章 总则"));
        String[] numerals = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
        for (int i = 0; i < articles.length; i++) {
            blocks.add(Block.paragraph("第" + numerals[i] + "条 " + articles[i]));
        }
        return blocks;
    }

    public static List<Block> englishRule(String... sections) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.heading(1, "Data Retention Rule"));
        for (int i = 0; i < sections.length; i++) {
            blocks.add(Block.heading(2, "Section " + (i + 1) + ". Provision " + (i + 1)));
            blocks.add(Block.paragraph(sections[i]));
        }
        return blocks;
    }

    public static PageSnapshot snapshot(String documentId, Origin origin, Instant fetchedAt, List<Block> blocks) {
        return PageSnapshot.present(documentId, "cn-data", "数据安全管理办法", "Cyberspace Administration of China", "CN",
                "https://example.gov.cn/" + documentId + ".htm", fetchedAt, "text/html", "数据安全管理办法", "zh", origin,
                blocks);
    }

    public static PageSnapshot english(String documentId, Instant fetchedAt, List<Block> blocks) {
        return PageSnapshot.present(documentId, "us-rule", "Data Retention Rule", "Federal Agency", "US",
                "https://example.gov/" + documentId, fetchedAt, "text/html", "Data Retention Rule", "en",
                Origin.CONFIGURED, blocks);
    }

    public static PageSnapshot gone(String documentId, Instant fetchedAt) {
        return new PageSnapshot(PageSnapshot.SCHEMA_VERSION, documentId, "cn-data", "数据安全管理办法",
                "Cyberspace Administration of China", "CN", "https://example.gov.cn/" + documentId + ".htm", fetchedAt,
                null, "数据安全管理办法", null, Origin.CONFIGURED, DocumentStatus.GONE, List.of(), null);
    }

    public static final String[] V1 = {
        "为了规范数据处理活动，保障数据安全，制定本办法。",
        "数据处理者应当建立健全全流程数据安全管理制度。",
        "重要数据的处理者应当明确数据安全负责人和管理机构。",
    };

    public static final String[] V2_MODIFIED = {
        "为了规范数据处理活动，保障数据安全，制定本办法。",
        "数据处理者应当建立健全全流程数据安全管理制度，组织开展数据安全教育培训。",
        "重要数据的处理者应当明确数据安全负责人和管理机构。",
    };

    /** V2_MODIFIED with a new second article: the later ones move down by one. */
    public static final String[] V3_INSERTED = {
        "为了规范数据处理活动，保障数据安全，制定本办法。",
        "国家建立数据分类分级保护制度，对数据实行分类分级保护。",
        "数据处理者应当建立健全全流程数据安全管理制度，组织开展数据安全教育培训。",
        "重要数据的处理者应当明确数据安全负责人和管理机构。",
    };
}
