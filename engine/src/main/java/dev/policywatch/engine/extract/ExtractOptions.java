package dev.policywatch.engine.extract;

import java.util.List;

/**
 * Per-source extraction settings (CONTRACT §5): the CSS selector of the main text and the CSS
 * selectors of noise to drop. Only HTML uses them; other formats ignore them.
 *
 * @param contentSelector CSS selector of the element holding the main text, or null for the whole body
 * @param exclude         CSS selectors of elements to drop before reading the text
 */
public record ExtractOptions(String contentSelector, List<String> exclude) {

    /** No selector, nothing excluded beyond the built-in noise (scripts, navigation, headers, footers). */
    public static final ExtractOptions NONE = new ExtractOptions(null, List.of());

    public ExtractOptions {
        if (contentSelector != null && contentSelector.isBlank()) {
            contentSelector = null;
        }
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        for (String selector : exclude) {
            if (selector == null || selector.isBlank()) {
                throw new IllegalArgumentException("exclude selectors must not be blank");
            }
        }
    }
}
