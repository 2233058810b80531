package dev.policywatch.events;

import java.util.List;
import java.util.Objects;

/**
 * How one provision (an article, section or numbered point) changed (CONTRACT §2). Labels are the
 * document's own numbering as printed ({@code 第十条}, {@code Article 10}, {@code FRR-SCN-01}); paths run
 * from the outermost unit ({@code ["第二章", "第十条"]}). The old side is null for {@code ADDED}, the new
 * side for {@code REMOVED}. {@code diff} is word-level (character-level for Chinese and Japanese).
 */
public record ProvisionChange(
        ChangeType type,
        String oldLabel,
        String newLabel,
        List<String> oldPath,
        List<String> newPath,
        String oldText,
        String newText,
        double similarity,
        List<DiffOp> diff) {

    public ProvisionChange {
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

    /** The label a reader knows the provision by: the new one, else the old one. */
    public String displayLabel() {
        if (newLabel != null && oldLabel != null && !newLabel.equals(oldLabel)) {
            return oldLabel + " → " + newLabel;
        }
        return newLabel != null ? newLabel : oldLabel;
    }
}
