package dev.policywatch.engine.significance;

import dev.policywatch.engine.diff.DiffResult;
import dev.policywatch.engine.diff.WordDiff;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.EditorialKind;
import dev.policywatch.events.Fact;
import dev.policywatch.events.FactKind;
import dev.policywatch.events.FactValue;
import dev.policywatch.events.ProvisionChange;
import dev.policywatch.events.Significance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Says what each provision change of a diff means (CONTRACT §2 "What a change means"): significance
 * and editorial kinds, facts on both sides, a note, and the summary's substantive and editorial counts
 * and headline.
 *
 * <pre>{@code
 * DiffResult annotated = ChangeMeaning.annotate(DocumentDiff.between(old, neu));
 * }</pre>
 *
 * <p>Rules: ADDED and REMOVED are substantive; RENUMBERED is editorial (its kinds say what else was
 * touched, typically CROSS_REFERENCE); MODIFIED is editorial only when {@link EditorialClassifier} says
 * so, cross-references being checked against the renumbering of this very diff. A RENUMBERED change
 * whose text differs (a reference updated) gets the inline diff of that difference, so that a reader
 * sees the reference change rather than the whole text replaced. Pure and thread-safe.
 */
public final class ChangeMeaning {

    private ChangeMeaning() {
    }

    /** The same diff with the meaning of every provision change and the summary's counts and headline. */
    public static DiffResult annotate(DiffResult result) {
        Objects.requireNonNull(result, "result");
        boolean zh = chinese(result.changes());
        Map<String, String> labelMap = labelMap(result.changes());
        List<ProvisionChange> annotated = new ArrayList<>(result.changes().size());
        for (ProvisionChange c : result.changes()) {
            annotated.add(annotate(c, labelMap, zh));
        }
        String headline = Notes.headline(annotated, zh);
        return new DiffResult(annotated, result.structureChanges(), result.summary().withMeaning(annotated, headline));
    }

    /** What each old label became in this diff: the new label, or null for a removed provision. */
    static Map<String, String> labelMap(List<ProvisionChange> changes) {
        Map<String, String> map = new HashMap<>();
        for (ProvisionChange c : changes) {
            if (c.oldLabel() == null) {
                continue;
            }
            switch (c.type()) {
                case MODIFIED, RENUMBERED -> map.put(c.oldLabel(), c.newLabel());
                case REMOVED -> map.put(c.oldLabel(), null);
                default -> {
                }
            }
        }
        return map;
    }

    static ProvisionChange annotate(ProvisionChange c, Map<String, String> labelMap, boolean zh) {
        List<Fact> facts = facts(c.oldText(), c.newText());
        Significance significance;
        List<EditorialKind> kinds;
        ProvisionChange base = c;
        switch (c.type()) {
            case ADDED, REMOVED -> {
                significance = Significance.SUBSTANTIVE;
                kinds = List.of();
            }
            case RENUMBERED -> {
                significance = Significance.EDITORIAL;
                EditorialClassifier.Verdict v = EditorialClassifier.classify(c.oldText(), c.newText(), labelMap);
                kinds = v.significance() == Significance.EDITORIAL ? v.kinds() : List.of();
                if (c.diff().isEmpty() && c.oldText() != null && c.newText() != null && !c.oldText().equals(c.newText())) {
                    base = c.withDiff(WordDiff.diff(c.oldText(), c.newText()));
                }
            }
            default -> {
                EditorialClassifier.Verdict v = EditorialClassifier.classify(c.oldText(), c.newText(), labelMap);
                significance = v.significance();
                kinds = v.kinds();
            }
        }
        ProvisionChange classified = base.withMeaning(significance, kinds, facts, null);
        return classified.withMeaning(significance, kinds, facts, Notes.note(classified, zh));
    }

    /** The facts of a provision's two sides, paired (a side without the fact is null). */
    static List<Fact> facts(String oldText, String newText) {
        List<FactReader.Found> before = FactReader.read(oldText);
        // a renumbered provision keeps its text: read it once
        List<FactReader.Found> after = Objects.equals(oldText, newText) ? before : FactReader.read(newText);
        List<Fact> out = new ArrayList<>();
        for (FactKind kind : FactKind.values()) {
            out.addAll(pair(kind, before.stream().filter(f -> f.kind() == kind).toList(),
                    after.stream().filter(f -> f.kind() == kind).toList()));
        }
        return out;
    }

    /**
     * Pairs the facts of one kind: first the same value said of the same party (an unchanged fine),
     * then the most similar contexts (who is fined, for what), else unpaired. Ordered as in the new
     * text, facts that were dropped after them in their old order.
     */
    private static List<Fact> pair(FactKind kind, List<FactReader.Found> a, List<FactReader.Found> b) {
        int[] partnerOfB = new int[b.size()];
        java.util.Arrays.fill(partnerOfB, -1);
        Set<Integer> usedA = new HashSet<>();
        for (int j = 0; j < b.size(); j++) {
            for (int i = 0; i < a.size(); i++) {
                if (!usedA.contains(i) && a.get(i).value().equals(b.get(j).value())
                        && a.get(i).context().equals(b.get(j).context())) {
                    partnerOfB[j] = i;
                    usedA.add(i);
                    break;
                }
            }
        }
        List<double[]> candidates = new ArrayList<>(); // {score, i, j}
        for (int j = 0; j < b.size(); j++) {
            if (partnerOfB[j] >= 0) {
                continue;
            }
            for (int i = 0; i < a.size(); i++) {
                if (usedA.contains(i)) {
                    continue;
                }
                double score = dice(a.get(i).context(), b.get(j).context())
                        + (a.get(i).value().equals(b.get(j).value()) ? 0.5 : 0)
                        + (kind == FactKind.EFFECTIVE_DATE || kind == FactKind.OBLIGATION ? 1 : 0);
                if (score >= 0.5) {
                    candidates.add(new double[] {score, i, j});
                }
            }
        }
        candidates.sort(Comparator.<double[]>comparingDouble(x -> -x[0]).thenComparingDouble(x -> x[2])
                .thenComparingDouble(x -> x[1]));
        for (double[] c : candidates) {
            int i = (int) c[1];
            int j = (int) c[2];
            if (partnerOfB[j] < 0 && !usedA.contains(i)) {
                partnerOfB[j] = i;
                usedA.add(i);
            }
        }
        List<Fact> out = new ArrayList<>();
        for (int j = 0; j < b.size(); j++) {
            FactValue before = partnerOfB[j] >= 0 ? a.get(partnerOfB[j]).value() : null;
            out.add(new Fact(kind, before, b.get(j).value()));
        }
        for (int i = 0; i < a.size(); i++) {
            if (!usedA.contains(i)) {
                out.add(new Fact(kind, a.get(i).value(), null));
            }
        }
        return out;
    }

    /** Dice coefficient of character bigrams (1 for two empty contexts). */
    private static double dice(String x, String y) {
        if (x.isEmpty() && y.isEmpty()) {
            return 1;
        }
        if (x.length() < 2 || y.length() < 2) {
            return x.equals(y) ? 1 : 0;
        }
        Map<String, Integer> grams = new HashMap<>();
        for (int k = 0; k + 1 < x.length(); k++) {
            grams.merge(x.substring(k, k + 2), 1, Integer::sum);
        }
        int common = 0;
        for (int k = 0; k + 1 < y.length(); k++) {
            String g = y.substring(k, k + 2);
            Integer n = grams.get(g);
            if (n != null && n > 0) {
                common++;
                grams.put(g, n - 1);
            }
        }
        return 2.0 * common / ((x.length() - 1) + (y.length() - 1));
    }

    /** Whether the changed provisions are mostly Chinese (notes are then written in Chinese). */
    static boolean chinese(List<ProvisionChange> changes) {
        long han = 0;
        long latin = 0;
        for (ProvisionChange c : changes) {
            for (String t : new String[] {c.newText(), c.oldText()}) {
                if (t == null) {
                    continue;
                }
                for (int k = 0; k < t.length() && k < 2_000; k++) {
                    char ch = t.charAt(k);
                    if (FactReader.isHan(ch)) {
                        han++;
                    } else if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) {
                        latin++;
                    }
                }
            }
            if (han + latin > 20_000) {
                break;
            }
        }
        return han * 3 > latin;
    }

    /** Whether one change is editorial (used by the diff command's text output and tests). */
    public static boolean editorial(ProvisionChange c) {
        return c.significance() == Significance.EDITORIAL;
    }

    static boolean isWhole(ProvisionChange c) {
        return c.type() == ChangeType.ADDED || c.type() == ChangeType.REMOVED;
    }
}
