package dev.policywatch.engine.segment;

import java.util.List;
import java.util.Objects;

/**
 * A document cut into provisions and structure.
 *
 * @param scheme     the numbering the segmenter recognised, which says what a provision is
 * @param title      the document title, or null
 * @param structure  title, preamble and grouping headings in document order
 * @param provisions the provisions in document order (retired stubs included, flagged)
 */
public record Segmentation(Scheme scheme, String title, List<StructureUnit> structure, List<Provision> provisions) {

    /** What the provisions of a document are. */
    public enum Scheme {
        /** 第X条 articles, 第X章/节/编 as context. */
        CHINESE_ARTICLES,
        /** Headings that start with an identifier (FRR-SCN-01, KSI-IAM-01, AC-2(1)). */
        IDENTIFIERS,
        /** Article / Section / § / decimal-numbered headings. */
        NUMBERED_SECTIONS,
        /** The numbered points "1.", "2.", ... of a plan. */
        NUMBERED_POINTS,
        /** No numbering: the smallest headed sections. */
        HEADINGS,
        /** No numbering and no headings: paragraphs. */
        PARAGRAPHS
    }

    public Segmentation {
        Objects.requireNonNull(scheme, "scheme");
        structure = List.copyOf(structure);
        provisions = List.copyOf(provisions);
    }
}
