package dev.policywatch.engine.significance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.engine.Engine;
import dev.policywatch.engine.Fixtures;
import dev.policywatch.engine.diff.DiffResult;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.DiffOp;
import dev.policywatch.events.EditorialKind;
import dev.policywatch.events.Fact;
import dev.policywatch.events.FactKind;
import dev.policywatch.events.FactValue;
import dev.policywatch.events.ProvisionChange;
import dev.policywatch.events.Significance;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChangeMeaningTest {

    private final Engine engine = new Engine();

    private static EditorialClassifier.Verdict verdict(String a, String b) {
        return EditorialClassifier.classify(a, b, Map.of());
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "网络运营者应当建立会计帐簿。|网络运营者应当建立会计账簿。|VARIANT",
            "法律、行政法规另有规定的，依照其它规定。|法律、行政法规另有规定的，依照其他规定。|VARIANT",
            "网络运营者应当履行下列义务：|网络运营者应当履行下列义务:|PUNCTUATION",
            "网络运营者应当履行下列义务，并且记录。|网络运营者应当履行下列义务并且记录。|PUNCTUATION",
            "依照本办法第５条规定，留存ＩＰ地址|依照本办法第5条规定，留存IP地址|WIDTH",
            "The operator shall notify the agency.|The  operator shall   notify the agency.|WHITESPACE",
            "The organisation shall keep a catalogue of e-mail addresses.|The organization shall keep a catalog of email addresses.|VARIANT",
            "Decision-making by the Agency shall be recorded.|Decisionmaking by the agency shall be recorded.|VARIANT",
            "The provider shall notify the Agency within 30 days.|The provider shall notify the Agency within 30 days|PUNCTUATION",
    })
    void editorialKindsAreRecognised(String before, String after, EditorialKind kind) {
        EditorialClassifier.Verdict v = verdict(before, after);
        assertThat(v.significance()).isEqualTo(Significance.EDITORIAL);
        assertThat(v.kinds()).containsExactly(kind);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "处一万元以上十万元以下罚款|处一万元以上二十万元以下罚款",
            "应当在三十日内报告|应当在十五日内报告",
            "网络运营者应当报告|网络运营者可以报告",
            "The fine is 1.5 million dollars.|The fine is 15 million dollars.",
            "The fee is 1,000 dollars.|The fee is 1000,0 dollars.",
            "a part of the plan|apart of the plan",
            "The operator may not share data.|The operator may share data.",
            "The US agency shall act.|The us agency shall act.",
            "filing the report later|filling the report later",
            "依照本法第七条的规定|依照本法第八条的规定",
            "10% of turnover|10 of turnover",
            "and/or|and or",
    })
    void wordsNumbersAndUnfollowedReferencesAreSubstantive(String before, String after) {
        assertThat(verdict(before, after).significance()).isEqualTo(Significance.SUBSTANTIVE);
    }

    @Test
    void aReferenceUpdatedAfterAnInsertionIsACrossReferenceOnly() {
        DiffResult r = engine.compare(
                Fixtures.blocks("第一条 本法所称网络，是指计算机系统。", "第二条 网络运营者应当遵守本法。",
                        "第三条 违反本法第二条规定的，由有关主管部门责令改正。"),
                Fixtures.blocks("第一条 本法所称网络，是指计算机系统。", "第二条 国家支持网络安全人才培养。",
                        "第三条 网络运营者应当遵守本法。", "第四条 违反本法第三条规定的，由有关主管部门责令改正。"));
        ProvisionChange last = r.changes().stream().filter(c -> "第四条".equals(c.newLabel())).findFirst().orElseThrow();
        assertThat(last.type()).isEqualTo(ChangeType.RENUMBERED);
        assertThat(last.significance()).isEqualTo(Significance.EDITORIAL);
        assertThat(last.editorialKinds()).containsExactly(EditorialKind.CROSS_REFERENCE);
        assertThat(last.note()).contains("第三条 → 第四条").contains("引用条号随重新编号更新");
        // the page shows the reference changing, not the whole text struck out and re-inserted
        assertThat(last.diff()).contains(DiffOp.delete("二"), DiffOp.insert("三"));
        ProvisionChange added = r.changes().stream().filter(c -> c.type() == ChangeType.ADDED).findFirst().orElseThrow();
        assertThat(added.significance()).isEqualTo(Significance.SUBSTANTIVE);
        assertThat(r.summary().editorial()).isEqualTo(2);
        assertThat(r.summary().substantive()).isEqualTo(1);
        assertThat(r.summary().headline()).startsWith("第二条：新增条文").contains("1条重新编号", "1处引用条号更新");
    }

    @Test
    void aReferenceThatDoesNotFollowTheRenumberingIsSubstantive() {
        DiffResult r = engine.compare(
                Fixtures.blocks("第一条 本法所称网络，是指计算机系统。", "第二条 网络运营者应当遵守本法。",
                        "第三条 违反本法第一条规定的，由有关主管部门责令改正。"),
                Fixtures.blocks("第一条 本法所称网络，是指计算机系统。", "第二条 国家支持网络安全人才培养。",
                        "第三条 网络运营者应当遵守本法。", "第四条 违反本法第三条规定的，由有关主管部门责令改正。"));
        ProvisionChange last = r.changes().stream().filter(c -> "第四条".equals(c.newLabel())).findFirst().orElseThrow();
        assertThat(last.significance()).isEqualTo(Significance.SUBSTANTIVE);
    }

    @Test
    void aRaisedFineLeadsTheNoteAndTheHeadline() {
        DiffResult r = engine.compare(
                Fixtures.blocks("第一条 为了保障网络安全，制定本法。",
                        "第二条 违反本法规定的，由有关主管部门责令改正，处五千元以上三万元以下罚款。"),
                Fixtures.blocks("第一条 为了保障网络安全，制定本法。",
                        "第二条 违反本法规定的，由有关主管部门责令改正，处一万元以上十万元以下罚款；情节严重的，责令暂停相关业务。"));
        ProvisionChange c = r.changes().get(0);
        assertThat(c.significance()).isEqualTo(Significance.SUBSTANTIVE);
        assertThat(c.facts()).contains(new Fact(FactKind.FINE,
                FactValue.amount(new BigDecimal(5000), new BigDecimal(30000), "CNY"),
                FactValue.amount(new BigDecimal(10000), new BigDecimal(100000), "CNY")));
        assertThat(c.note()).startsWith("罚款 5千–3万元 → 1万–10万元；").contains("情节严重的，责令暂停相关业务");
        assertThat(r.summary().headline()).startsWith("第二条：罚款 5千–3万元 → 1万–10万元");
    }

    @Test
    void notesAreDeterministic() {
        List<String> a = engine.compare(Fixtures.blocks("第一条 应当在三十日内报告。"), Fixtures.blocks("第一条 应当在十五个工作日内报告。"))
                .changes().stream().map(ProvisionChange::note).toList();
        List<String> b = engine.compare(Fixtures.blocks("第一条 应当在三十日内报告。"), Fixtures.blocks("第一条 应当在十五个工作日内报告。"))
                .changes().stream().map(ProvisionChange::note).toList();
        assertThat(a).isEqualTo(b).containsExactly("期限 30日 → 15个工作日；修改：三十 → 十五个工作");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "处五千元以上三万元以下罚款|5000|30000|CNY",
            "可以并处15000元以下的罚款|null|15000|CNY",
            "处1万元以上2万元以下的罚款|10000|20000|CNY",
            "处一百万元以下罚款|null|1000000|CNY",
            "处二百万元以上一千万元以下罚款|2000000|10000000|CNY",
            "处二亿元以下罚款|null|200000000|CNY",
            "处五千元罚款|5000|5000|CNY",
            "处一万元至五万元的罚款|10000|50000|CNY",
            "處新臺幣三千元以上一萬五千元以下罰鍰|3000|15000|TWD",
            "處新台幣二萬元以上三十萬元以下罰鍰，並通知限期改善|20000|300000|TWD",
            "處新臺幣三十萬元以上一百五十萬元以下罰鍰|300000|1500000|TWD",
            "處五千元以下罰款|null|5000|CNY",
            "may be subject to a civil penalty of not more than $50,000 per violation|null|50000|USD",
            "shall be fined not less than $1,000 and not more than $10,000|1000|10000|USD",
            "a fine of between €500 and €5,000|500|5000|EUR",
            "penalties of up to $1.5 million|null|1500000|USD",
            "a fine of $250|250|250|USD",
    })
    void amountFinesAreReadExactly(String text, String min, String max, String currency) {
        FactValue v = onlyFine(text);
        assertThat(v).isEqualTo(FactValue.amount(number(min), number(max), currency));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "并处违法所得一倍以上十倍以下罚款|1|10|ILLEGAL_GAINS",
            "处上一年度销售额百分之一以上百分之十以下的罚款|0.01|0.1|PRIOR_YEAR_SALES",
            "处上一年度销售额百分之十以下的罚款|null|0.1|PRIOR_YEAR_SALES",
            "并处违法经营额2倍以上5倍以下的罚款|2|5|ILLEGAL_TURNOVER",
            "处采购金额一倍以上十倍以下罚款|1|10|OTHER",
            "administrative fines up to 4% of the total worldwide annual turnover of the preceding financial year|null|0.04|PRIOR_YEAR_SALES",
            "a penalty of up to three times the amount of the profit gained|null|3|ILLEGAL_GAINS",
    })
    void multipleFinesAreReadExactly(String text, String min, String max, String of) {
        assertThat(onlyFine(text)).isEqualTo(FactValue.multiple(number(min), number(max), of));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "应当自收到申请之日起二十个工作日内予以答复|20|WORKING_DAY",
            "应当在三十日内报告|30|DAY",
            "应当在三个月内完成整改|3|MONTH",
            "The provider shall notify the agency within 30 days of the incident.|30|DAY",
            "no later than five business days after discovery|5|WORKING_DAY",
            "within thirty (30) calendar days|30|DAY",
            "within six months of the effective date|6|MONTH",
    })
    void deadlinesAreRead(String text, String value, String unit) {
        List<Fact> facts = ChangeMeaning.facts(null, text).stream().filter(f -> f.kind() == FactKind.DEADLINE).toList();
        assertThat(facts).extracting(Fact::after).containsExactly(FactValue.deadline(new BigDecimal(value), unit));
    }

    @Test
    void detentionIsNotADeadlineAndConditionsAreNotFines() {
        List<Fact> facts = ChangeMeaning.facts(null, "违法所得十万元以上的，处五日以下拘留，可以并处五万元以上五十万元以下罚款");
        assertThat(facts).filteredOn(f -> f.kind() == FactKind.DEADLINE).isEmpty();
        assertThat(facts).filteredOn(f -> f.kind() == FactKind.FINE).extracting(Fact::after)
                .containsExactly(FactValue.amount(new BigDecimal(50000), new BigDecimal(500000), "CNY"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "本办法自2025年1月1日起施行。|2025-01-01",
            "本条例自二〇二五年三月十五日起施行。|2025-03-15",
            "This rule is effective on January 1, 2025.|2025-01-01",
            "These regulations shall take effect on 1 July 2024.|2024-07-01",
    })
    void effectiveDatesAreRead(String text, String date) {
        assertThat(ChangeMeaning.facts(null, text)).filteredOn(f -> f.kind() == FactKind.EFFECTIVE_DATE)
                .extracting(f -> f.after().date()).containsExactly(date);
    }

    @Test
    void modalVerbsAreReadAsObligations() {
        assertThat(ChangeMeaning.facts("网络运营者可以报告。", "网络运营者应当报告，不得拖延。"))
                .filteredOn(f -> f.kind() == FactKind.OBLIGATION)
                .containsExactly(new Fact(FactKind.OBLIGATION, FactValue.modals(List.of("可以")),
                        FactValue.modals(List.of("应当", "不得"))));
        assertThat(FactReader.modals("The provider shall not disclose data and must keep logs; it may appeal by May 1.").modals())
                .containsExactly("shall not", "must", "may");
    }

    @Test
    void englishNotesStateTheFineBeforeAndAfter() {
        DiffResult r = engine.compare(
                Fixtures.blocks("Section 1. Scope. This rule applies to providers.",
                        "Section 2. Penalties. A provider that fails to report shall pay a civil penalty of not more than $10,000."),
                Fixtures.blocks("Section 1. Scope. This rule applies to providers.",
                        "Section 2. Penalties. A provider that fails to report shall pay a civil penalty of not more than $50,000."));
        ProvisionChange c = r.changes().get(0);
        assertThat(c.note()).startsWith("fine up to $10,000 → up to $50,000");
        assertThat(r.summary().headline()).contains("fine up to $10,000 → up to $50,000");
    }

    private static FactValue onlyFine(String text) {
        List<Fact> fines = ChangeMeaning.facts(null, text).stream().filter(f -> f.kind() == FactKind.FINE).toList();
        assertThat(fines).hasSize(1);
        return fines.get(0).after();
    }

    private static BigDecimal number(String s) {
        return "null".equals(s) ? null : new BigDecimal(s);
    }
}
