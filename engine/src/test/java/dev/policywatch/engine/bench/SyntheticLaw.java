package dev.policywatch.engine.bench;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * A generated Chinese law of n articles in chapters of 20, and an amended version: every 50th
 * article rewritten, every 97th deleted, a new article inserted every 120, cross-references kept.
 */
public final class SyntheticLaw {

    private static final String[] PHRASES = {"国家建立健全", "监督管理制度", "有关主管部门应当", "依法履行职责",
        "加强对", "的指导和服务", "保障公民、法人和其他组织的合法权益", "违反本法规定的", "由有关部门责令改正",
        "给予警告", "处一万元以上十万元以下罚款", "信息安全", "数据处理活动", "风险评估", "应急预案", "定期开展检查"};

    private SyntheticLaw() {
    }

    public static byte[] version(int articles, boolean amended) {
        Random random = new Random(1234);
        StringBuilder sb = new StringBuilder("# 示例综合管理法\n\n2024年1月1日通过\n\n");
        int label = 0;
        for (int i = 1; i <= articles; i++) {
            if (i % 20 == 1) {
                sb.append("## 第").append(i / 20 + 1).append("章 第").append(i / 20 + 1).append("部分\n\n");
            }
            String text = article(random, i);
            if (amended && i % 97 == 0) {
                continue;
            }
            if (amended && i % 120 == 0) {
                sb.append("第").append(++label).append("条 新增条文：").append(article(new Random(i), i)).append("\n\n");
            }
            if (amended && i % 50 == 0) {
                text = text.replace("应当", "必须") + "并向社会公布。";
            }
            sb.append("第").append(++label).append("条 ").append(text).append("\n\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String article(Random random, int i) {
        StringBuilder sb = new StringBuilder();
        int parts = 6 + random.nextInt(10);
        for (int k = 0; k < parts; k++) {
            sb.append(PHRASES[random.nextInt(PHRASES.length)]);
            if (k == 2) {
                sb.append("（编号").append(i).append("）");
            }
            sb.append(k % 3 == 2 ? "。" : "，");
        }
        return sb.toString();
    }
}
