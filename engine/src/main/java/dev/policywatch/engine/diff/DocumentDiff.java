package dev.policywatch.engine.diff;

import dev.policywatch.engine.align.Alignment;
import dev.policywatch.engine.align.CanonicalForms;
import dev.policywatch.engine.align.ProvisionAligner;
import dev.policywatch.engine.segment.Provision;
import dev.policywatch.engine.segment.Segmentation;
import dev.policywatch.events.ChangeSummary;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.DiffOp;
import dev.policywatch.events.ProvisionChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares two segmented versions of a document (CONTRACT §2).
 *
 * <p>Rules: provisions are aligned by {@link ProvisionAligner}. A pair with the same text (after
 * white space and full/half-width folding) is unchanged under the same label and RENUMBERED under a
 * new one; so is a pair whose only differences are cross-reference numbers that follow the
 * renumbering (old 第二十一条 became 第二十三条, and the text now cites 第二十三条). Any other pair is
 * MODIFIED, with both labels when the label changed too. Unpaired old provisions are REMOVED and
 * unpaired new ones ADDED. A stub that the new version keeps only to say a provision is gone
 * ("(Retired) … Superseded by", "第X条（删除）") makes that provision REMOVED and is not itself
 * reported. A merge keeps as MODIFIED the old article whose text dominates the merged one (covers
 * the largest share of it) and reports the others REMOVED; a split keeps the new article that
 * carries most of the old text as MODIFIED and reports the others ADDED. An old article kept whole
 * inside a longer new one is the same article (MODIFIED), see {@link ProvisionAligner}.
 *
 * <p>Stateless and thread-safe; bounded work (see {@link ProvisionAligner} and {@link WordDiff}).
 */
public final class DocumentDiff {

    private static final ProvisionAligner ALIGNER = new ProvisionAligner();

    private DocumentDiff() {
    }

    /** The changes from {@code old} to {@code neu}. */
    public static DiffResult between(Segmentation old, Segmentation neu) {
        Set<String> tombstonedInNew = new HashSet<>();
        for (Provision p : neu.provisions()) {
            if (p.retired()) {
                tombstonedInNew.add(p.label());
            }
        }
        List<Provision> oldLive = new ArrayList<>();
        List<Provision> oldGone = new ArrayList<>();
        for (Provision p : old.provisions()) {
            if (p.retired()) {
                continue; // already a stub: nothing left to change
            }
            (tombstonedInNew.contains(p.label()) ? oldGone : oldLive).add(p);
        }
        List<Provision> newLive = neu.provisions().stream().filter(p -> !p.retired()).toList();
        boolean byIdentifier = old.scheme() == Segmentation.Scheme.IDENTIFIERS
                && neu.scheme() == Segmentation.Scheme.IDENTIFIERS;
        List<CanonicalForms> oldForms = oldLive.stream().map(CanonicalForms::of).toList();
        List<CanonicalForms> newForms = newLive.stream().map(CanonicalForms::of).toList();
        Alignment alignment = ALIGNER.alignForms(oldForms, newForms, byIdentifier);

        Map<String, String> labelMap = new HashMap<>();
        for (int i = 0; i < oldLive.size(); i++) {
            int j = alignment.newIndexOf(i);
            if (j >= 0) {
                labelMap.put(oldLive.get(i).label(), newLive.get(j).label());
            }
        }

        // order: new-document order; a removed provision goes right after the new partner of the
        // nearest paired provision before it (where it used to stand)
        List<double[]> order = new ArrayList<>(); // {sort key, old index or -1, new index or -1}
        for (int j = 0; j < newLive.size(); j++) {
            order.add(new double[] {j, alignment.oldIndexOf(j), j});
        }
        int anchor = -1;
        for (int i = 0; i < oldLive.size(); i++) {
            int j = alignment.newIndexOf(i);
            if (j >= 0) {
                anchor = j;
            } else {
                order.add(new double[] {anchor + 0.5 + i * 1e-7, i, -1});
            }
        }
        order.sort((x, y) -> Double.compare(x[0], y[0]));
        List<ProvisionChange> changes = new ArrayList<>();
        int unchanged = 0;
        for (double[] e : order) {
            int i = (int) e[1];
            int j = (int) e[2];
            if (j < 0) {
                changes.add(removed(oldLive.get(i)));
            } else if (i < 0) {
                changes.add(added(newLive.get(j)));
            } else {
                ProvisionChange change = compare(oldForms.get(i), newForms.get(j), labelMap);
                if (change == null) {
                    unchanged++;
                } else {
                    changes.add(change);
                }
            }
        }
        for (Provision p : oldGone) {
            changes.add(removed(p));
        }
        List<ProvisionChange> structure = StructureDiff.between(old.structure(), neu.structure());
        return new DiffResult(changes, structure, ChangeSummary.of(changes, unchanged));
    }

    /** The change between two paired provisions, or null when they are the same. */
    static ProvisionChange compare(CanonicalForms of, CanonicalForms nf, Map<String, String> labelMap) {
        Provision o = of.provision();
        Provision n = nf.provision();
        boolean sameLabel = o.label().equals(n.label());
        boolean same = of.canonical().equals(nf.canonical()) || (of.masked().equals(nf.masked())
                && referencesFollow(of.references(), nf.references(), labelMap));
        if (same) {
            if (sameLabel) {
                return null;
            }
            return new ProvisionChange(ChangeType.RENUMBERED, o.label(), n.label(), o.path(), n.path(),
                    o.fullText(), n.fullText(), 1.0, List.of());
        }
        WordDiff.Comparison diff = WordDiff.compare(o.fullText(), n.fullText());
        return new ProvisionChange(ChangeType.MODIFIED, o.label(), n.label(), o.path(), n.path(),
                o.fullText(), n.fullText(), diff.similarity(), diff.ops());
    }

    /** True when every cited number in the new text is the old one or what the old one became. */
    static boolean referencesFollow(List<String> a, List<String> b, Map<String, String> labelMap) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int k = 0; k < a.size(); k++) {
            String from = a.get(k);
            String to = b.get(k);
            if (!to.equals(from) && !to.equals(labelMap.get(from))) {
                return false;
            }
        }
        return true;
    }

    private static ProvisionChange added(Provision p) {
        return new ProvisionChange(ChangeType.ADDED, null, p.label(), null, p.path(), null, p.fullText(), 0.0,
                List.of(DiffOp.insert(p.fullText())));
    }

    private static ProvisionChange removed(Provision p) {
        return new ProvisionChange(ChangeType.REMOVED, p.label(), null, p.path(), null, p.fullText(), null, 0.0,
                List.of(DiffOp.delete(p.fullText())));
    }
}
