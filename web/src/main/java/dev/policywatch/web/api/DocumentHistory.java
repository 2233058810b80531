package dev.policywatch.web.api;

import java.util.List;
import java.util.Objects;

/** A document's versions, newest first, with what the API says about the document (fields may be null). */
public record DocumentHistory(String documentId, String title, String url, String publisher, String jurisdiction,
        List<DocumentVersion> versions) {

    public DocumentHistory {
        Objects.requireNonNull(documentId, "documentId");
        versions = versions == null ? List.of() : List.copyOf(versions);
    }
}
