package dev.policywatch.engine.align;

import dev.policywatch.engine.segment.Provision;
import java.util.List;
import java.util.Objects;

/**
 * The comparison forms of one provision, computed once: its {@link CanonicalText#canonical
 * canonical} text, the same with cross-reference numbers {@link CanonicalText#masked masked}, the
 * folded text TF-IDF tokenises, and the provisions its text cites. Alignment and classification both
 * need them for every provision; before they were cached, normalisation and the cross-reference
 * expression ran up to five times per provision and dominated the engine's time. Immutable.
 */
public final class CanonicalForms {

    private final Provision provision;
    private final String canonical;
    private final String masked;
    private final String tokenSource;
    private final List<String> references;

    private CanonicalForms(Provision provision) {
        this.provision = provision;
        String text = provision.text();
        String full = provision.fullText();
        String foldedText = CanonicalText.folded(text);
        // NFKC is applied to the whole text as the comparison always did, not glued from its parts
        String foldedFull = full.equals(text) ? foldedText : CanonicalText.folded(full);
        this.canonical = CanonicalText.withoutSpaces(foldedFull);
        this.masked = CanonicalText.masked(canonical);
        this.tokenSource = CanonicalText.masked(foldedFull);
        this.references = List.copyOf(CanonicalText.referencesInFolded(foldedText));
    }

    /** The forms of {@code provision} (title and text; the references of the text only). */
    public static CanonicalForms of(Provision provision) {
        return new CanonicalForms(Objects.requireNonNull(provision, "provision"));
    }

    public Provision provision() {
        return provision;
    }

    /** {@link CanonicalText#canonical} of the full text (title and text). */
    public String canonical() {
        return canonical;
    }

    /** {@link #canonical} with cross-reference numbers masked. */
    public String masked() {
        return masked;
    }

    /** The cited provisions of the text, in order ({@link CanonicalText#references}). */
    public List<String> references() {
        return references;
    }

    /** The folded full text with references masked: what TF-IDF tokenises. */
    String tokenSource() {
        return tokenSource;
    }
}
