package dev.policywatch.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.Nullable;
import java.util.List;
import java.util.Objects;

/**
 * How one provision (an article, section or numbered point) changed (CONTRACT §2). Labels are the
 * document's own numbering as printed ({@code 第十条}, {@code Article 10}, {@code FRR-SCN-01}); paths run
 * from the outermost unit ({@code ["第二章", "第十条"]}). The old side is null for {@code ADDED}, the new
 * side for {@code REMOVED}. {@code diff} is word-level (character-level for Chinese and Japanese).
 *
 * <p>What the change means (CONTRACT §2, computed by the engine; null or empty in events written before
 * it existed): {@code significance} with the {@code editorialKinds} an editorial change consists of,
 * the {@code facts} read on both sides, and a one-line {@code note}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ProvisionChange(
        ChangeType type,
        @Nullable String oldLabel,
        @Nullable String newLabel,
        List<String> oldPath,
        List<String> newPath,
        @Nullable String oldText,
        @Nullable String newText,
        double similarity,
        List<DiffOp> diff,
        @Nullable Significance significance,
        List<EditorialKind> editorialKinds,
        List<Fact> facts,
        @Nullable String note) {

    /** A change whose meaning is not (yet) known. */
    public ProvisionChange(ChangeType type, String oldLabel, String newLabel, List<String> oldPath,
            List<String> newPath, String oldText, String newText, double similarity, List<DiffOp> diff) {
        this(type, oldLabel, newLabel, oldPath, newPath, oldText, newText, similarity, diff, null, null, null, null);
    }

    public ProvisionChange {
        editorialKinds = editorialKinds == null ? List.of() : List.copyOf(editorialKinds);
        facts = facts == null ? List.of() : List.copyOf(facts);
        if (significance != Significance.EDITORIAL && !editorialKinds.isEmpty()) {
            throw new IllegalArgumentException("editorialKinds only go with EDITORIAL, was " + significance);
        }
        Objects.requireNonNull(type, "change type");
        oldPath = oldPath == null ? List.of() : List.copyOf(oldPath);
        newPath = newPath == null ? List.of() : List.copyOf(newPath);
        diff = diff == null ? List.of() : List.copyOf(diff);
        if (Double.isNaN(similarity) || similarity < 0 || similarity > 1) {
            throw new IllegalArgumentException("similarity must be in [0,1], was " + similarity);
        }
        switch (type) {
            case ADDED -> require(newLabel != null || newText != null, "ADDED needs newLabel or newText");
            case REMOVED -> require(oldLabel != null || oldText != null, "REMOVED needs oldLabel or oldText");
            default -> require((oldLabel != null || oldText != null) && (newLabel != null || newText != null),
                    type + " needs both an old and a new side");
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** This change with its meaning. */
    public ProvisionChange withMeaning(Significance significance, List<EditorialKind> editorialKinds,
            List<Fact> facts, String note) {
        return new ProvisionChange(type, oldLabel, newLabel, oldPath, newPath, oldText, newText, similarity, diff,
                significance, editorialKinds, facts, note);
    }

    /** This change with another inline diff (its meaning kept). */
    public ProvisionChange withDiff(List<DiffOp> ops) {
        return new ProvisionChange(type, oldLabel, newLabel, oldPath, newPath, oldText, newText, similarity, ops,
                significance, editorialKinds, facts, note);
    }

    /** True when the change is known to be editorial only (a change of unknown meaning is not). */
    public boolean editorial() {
        return significance == Significance.EDITORIAL;
    }

    /** Whether a provision carries a fact of that kind on either side. */
    public boolean hasFact(FactKind kind) {
        return facts.stream().anyMatch(f -> f.kind() == kind);
    }

    /** The label a reader knows the provision by: the new one, else the old one. */
    public String displayLabel() {
        if (newLabel != null && oldLabel != null && !newLabel.equals(oldLabel)) {
            return oldLabel + " → " + newLabel;
        }
        return newLabel != null ? newLabel : oldLabel;
    }
}
