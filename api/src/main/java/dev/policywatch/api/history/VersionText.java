package dev.policywatch.api.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.policywatch.events.VersionRef;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * The answer of {@code GET /api/documents/{documentId}/versions/{versionId}}: one version with its text cut
 * into provisions (the engine's segmentation, as the history keeps it).
 *
 * @param version    the version (written inline: versionId, fetchedAt, contentHash)
 * @param documentId the document
 * @param changeId   the change that introduced the version
 * @param title      the document's title in this version
 * @param language   its language
 * @param scheme     the numbering the segmenter recognised (CHINESE_ARTICLES, …)
 * @param structure  title, preamble and headings in document order
 * @param provisions the provisions in document order
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record VersionText(@JsonUnwrapped VersionRef version, String documentId, String changeId, @Nullable String title,
        @Nullable String language, String scheme, List<Structure> structure, List<Provision> provisions) {

    public VersionText {
        structure = structure == null ? List.of() : List.copyOf(structure);
        provisions = provisions == null ? List.of() : List.copyOf(provisions);
    }

    /**
     * A title, preamble or heading.
     *
     * @param kind  TITLE, PREAMBLE or HEADING
     * @param label its label when it has one (第一章)
     * @param title its words after the label
     * @param path  the labels of the units it sits in, its own last
     * @param text  its whole text
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Structure(String kind, @Nullable String label, String title, List<String> path, String text) {
    }

    /**
     * A provision.
     *
     * @param label   its label as the document prints it (第十条, Article 5, § 2.1)
     * @param path    the labels of the units it sits in, its own last
     * @param title   its heading, "" when none
     * @param text    its text
     * @param retired whether the document marks it repealed or deleted
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Provision(String label, List<String> path, String title, String text, boolean retired) {
    }
}
