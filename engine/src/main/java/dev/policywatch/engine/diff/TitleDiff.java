package dev.policywatch.engine.diff;

import dev.policywatch.engine.align.CanonicalText;
import dev.policywatch.engine.lineage.DraftMarkers;
import dev.policywatch.engine.lineage.Titles;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.ProvisionChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The document title as a change of its own, whatever a source's content selector kept: the crawler
 * reads the title from the whole page ({@code <title>}, {@code <h1>}), so a title that lost
 * "（征求意见稿）" is a change even when the blocks are identical. Pure and thread-safe.
 *
 * <pre>{@code
 * List<ProvisionChange> structure = TitleDiff.withTitle(result.structureChanges(), oldTitle, newTitle);
 * Optional<String> headline = TitleDiff.draftBecameFinal(oldTitle, newTitle, "zh"); // "草案成为正式文本…"
 * }</pre>
 */
public final class TitleDiff {

    /** The label of the title's structure change (the same as the engine's TITLE unit). */
    public static final String LABEL = "title";

    private TitleDiff() {
    }

    /** The title's change from {@code oldTitle} to {@code newTitle}; empty when the same or unknown. */
    public static Optional<ProvisionChange> change(String oldTitle, String newTitle) {
        if (oldTitle == null || newTitle == null || oldTitle.isBlank() || newTitle.isBlank()
                || CanonicalText.canonical(oldTitle).equals(CanonicalText.canonical(newTitle))) {
            return Optional.empty();
        }
        WordDiff.Comparison diff = WordDiff.compare(oldTitle.strip(), newTitle.strip());
        return Optional.of(new ProvisionChange(ChangeType.MODIFIED, LABEL, LABEL, List.of(), List.of(),
                oldTitle.strip(), newTitle.strip(), diff.similarity(), diff.ops()));
    }

    /**
     * {@code structure} with the title's change first, unless it already has one (the title block
     * inside the content selector, found by the engine).
     */
    public static List<ProvisionChange> withTitle(List<ProvisionChange> structure, String oldTitle, String newTitle) {
        boolean has = structure.stream().anyMatch(c -> LABEL.equals(c.oldLabel()) || LABEL.equals(c.newLabel()));
        Optional<ProvisionChange> title = change(oldTitle, newTitle);
        if (has || title.isEmpty()) {
            return structure;
        }
        List<ProvisionChange> out = new ArrayList<>(structure.size() + 1);
        out.add(title.get());
        out.addAll(structure);
        return out;
    }

    /**
     * "draft became final" in the document's language, when {@code oldTitle} carries a draft marker,
     * {@code newTitle} none, and the two titles without it are the same or nearly
     * ({@link Titles#sameTitle}): "草案成为正式文本（原为征求意见稿）", "draft became final
     * (was: Proposed rule)". {@code language} may be null (then the title's script decides).
     */
    public static Optional<String> draftBecameFinal(String oldTitle, String newTitle, String language) {
        Optional<String> marker = DraftMarkers.marker(oldTitle);
        if (marker.isEmpty() || DraftMarkers.isDraft(newTitle)
                || !Titles.sameTitle(DraftMarkers.key(oldTitle), DraftMarkers.key(newTitle))) {
            return Optional.empty();
        }
        return Optional.of(headline(marker.get(), newTitle, language));
    }

    /** The headline for a document whose draft ({@code marker}) became final. */
    public static String headline(String marker, String title, String language) {
        boolean chinese = language == null ? DraftMarkers.cjk(title) : language.startsWith("zh")
                || language.startsWith("ja");
        if (chinese) {
            return marker == null ? "草案成为正式文本" : "草案成为正式文本（原为" + marker + "）";
        }
        return marker == null ? "draft became final" : "draft became final (was: " + marker + ")";
    }
}
