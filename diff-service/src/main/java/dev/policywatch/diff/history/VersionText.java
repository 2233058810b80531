package dev.policywatch.diff.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.policywatch.engine.segment.Provision;
import dev.policywatch.engine.segment.Segmentation;
import dev.policywatch.engine.segment.StructureUnit;
import dev.policywatch.events.VersionRef;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * The answer of {@code GET /api/documents/{documentId}/versions/{versionId}}: one version with its text cut
 * into provisions. The one body of the history API that is not in module {@code api}: its parts are the
 * engine's segmentation records, and no other module reads it.
 *
 * @param version    the version (written inline: versionId, fetchedAt, contentHash)
 * @param documentId the document
 * @param changeId   the change that introduced the version
 * @param title      the document's title in this version
 * @param language   its language
 * @param scheme     the numbering the segmenter recognised
 * @param structure  title, preamble and headings in document order
 * @param provisions the provisions in document order
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record VersionText(@JsonUnwrapped VersionRef version, String documentId, String changeId, @Nullable String title,
        @Nullable String language, Segmentation.Scheme scheme, List<StructureUnit> structure, List<Provision> provisions) {
}
