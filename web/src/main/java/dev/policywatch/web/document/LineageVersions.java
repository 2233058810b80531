package dev.policywatch.web.document;

import dev.policywatch.api.history.DocumentDetail;
import dev.policywatch.events.DocumentStatus;
import dev.policywatch.api.history.VersionList;
import dev.policywatch.web.api.ApiException;
import dev.policywatch.web.api.HistoryApi;
import dev.policywatch.web.page.PageText;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The versions the document page's compare form offers: every version of the document, of its predecessors
 * (the chain of predecessors upwards) and of its successors (downwards), newest first. A linked document
 * the history does not know (yet) is left out. At most {@link #MAX_DOCUMENTS} documents are read.
 */
final class LineageVersions {

    static final int MAX_DOCUMENTS = 12;

    /** Where a document stands relative to the page's document. */
    enum Role { THIS, EARLIER, LATER }

    /**
     * One choice of the form.
     *
     * @param value      {@code documentId:versionId}, what the form sends
     * @param text       the document's title, the version's time, its role
     * @param documentId the document
     * @param role       where it stands
     * @param fetchedAt  when the version was fetched
     */
    record Option(String value, String text, String documentId, Role role, Instant fetchedAt) {
    }

    /**
     * The choices of the compare form, and which two are chosen at first: to = the document's newest version,
     * from = its predecessor's newest one when it has a predecessor, else its own previous version.
     */
    record Choices(List<Option> options, String from, String to) {
    }

    private LineageVersions() {
    }

    static Choices of(HistoryApi history, String documentId, String title, DocumentDetail detail,
            List<VersionList.Item> versions, PageText t) {
        List<Option> options = new ArrayList<>();
        boolean gone = detail != null && detail.document().status() == DocumentStatus.GONE;
        add(options, documentId, title, gone, Role.THIS, versions, t);
        Set<String> seen = new LinkedHashSet<>(List.of(documentId));
        // upwards: the chain of predecessors
        DocumentDetail.PredecessorLink up = detail == null ? null : detail.predecessor();
        while (up != null && seen.size() < MAX_DOCUMENTS && seen.add(up.link().documentId())) {
            up = visit(history, up.link().documentId(), up.link().title(), Role.EARLIER, options, t)
                    .map(DocumentDetail::predecessor).orElse(null);
        }
        // downwards: every successor, breadth first
        Deque<DocumentDetail.Successor> down = new ArrayDeque<>(detail == null ? List.of() : detail.successors());
        while (!down.isEmpty() && seen.size() < MAX_DOCUMENTS) {
            DocumentDetail.Successor s = down.poll();
            if (seen.add(s.documentId())) {
                visit(history, s.documentId(), s.title(), Role.LATER, options, t)
                        .ifPresent(d -> down.addAll(d.successors()));
            }
        }
        options.sort(Comparator.comparing(Option::fetchedAt).reversed());
        String to = options.stream().filter(o -> o.role() == Role.THIS).map(Option::value).findFirst().orElse(null);
        String from = options.stream().filter(o -> o.role() == Role.EARLIER).map(Option::value).findFirst()
                .orElseGet(() -> options.stream().filter(o -> o.role() == Role.THIS).skip(1).map(Option::value)
                        .findFirst().orElse(to));
        return new Choices(List.copyOf(options), from, to);
    }

    /** Adds a linked document's versions; its detail (for the next step of the walk) when the history knows it. */
    private static Optional<DocumentDetail> visit(HistoryApi history, String documentId, String linkTitle, Role role,
            List<Option> options, PageText t) {
        Optional<DocumentDetail> detail = history.document(documentId);
        List<VersionList.Item> versions;
        try {
            versions = history.versions(documentId);
        } catch (ApiException e) {
            if (e.kind() == ApiException.Kind.UNAVAILABLE) {
                throw e;
            }
            return detail; // linked, but its versions are not in the history: nothing to offer
        }
        String title = detail.map(d -> d.document().title()).filter(s -> !s.isBlank()).orElse(linkTitle);
        boolean gone = detail.map(d -> d.document().status() == DocumentStatus.GONE).orElse(false);
        add(options, documentId, title == null || title.isBlank() ? documentId : title, gone, role, versions, t);
        return detail;
    }

    private static void add(List<Option> options, String documentId, String title, boolean gone, Role role,
            List<VersionList.Item> versions, PageText t) {
        String roleText = t.text("compare.role." + role.name()) + (gone ? t.text("compare.gone") : "");
        for (VersionList.Item v : versions) {
            Instant at = v.version().fetchedAt();
            options.add(new Option(documentId + ":" + v.version().versionId(),
                    t.text("compare.option", title, t.time(at), roleText), documentId, role, at));
        }
    }
}
