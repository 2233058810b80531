package dev.policywatch.engine.lineage;

import dev.policywatch.engine.Engine;
import dev.policywatch.engine.diff.DiffResult;
import dev.policywatch.events.Block;
import dev.policywatch.events.ChangeSummary;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.Predecessor;
import dev.policywatch.events.ProvisionChange;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which earlier document a new one replaces (CONTRACT §2 "Lineage"). Precision first: a wrong link
 * misleads more than a missing one, so a candidate links only when
 * <ol>
 *   <li>it has the same jurisdiction, and the new document is not a draft replacing a final text;</li>
 *   <li>no strong identifier contradicts it (both carry RINs, dockets or standard numbers, and none is
 *       shared: never);</li>
 *   <li>and either a strong identifier is shared and the provisions align at least
 *       {@value #MIN_ALIGNMENT_WITH_IDENTIFIER}, or the titles without draft markers are the same or
 *       nearly ({@link Titles#sameTitle}), the title is not generic ("通知", "Notice": never on title),
 *       and the provisions align at least {@value #MIN_ALIGNMENT}; a boilerplate title such as
 *       "关于开展……的通知" or "Notice of …" must be exactly the same and the provisions align at least
 *       {@value #MIN_ALIGNMENT_BOILERPLATE}.</li>
 * </ol>
 * The alignment is the engine's ({@link Engine#compare}): unchanged provisions count 1, modified and
 * renumbered ones their similarity, over the larger of the two provision counts. Among several the
 * best-aligned wins (then the later fetched, then the smaller documentId). Thread-safe.
 */
public final class PredecessorMatcher {

    /** The alignment needed with the same title. */
    public static final double MIN_ALIGNMENT = 0.5;
    /** The alignment needed with the same boilerplate title ("关于开展……的通知", "Notice of …"). */
    public static final double MIN_ALIGNMENT_BOILERPLATE = 0.8;
    /** The alignment needed when a strong identifier (RIN, docket, standard number) is shared. */
    public static final double MIN_ALIGNMENT_WITH_IDENTIFIER = 0.2;
    /** Title keys shorter than this never link on title. */
    public static final int MIN_TITLE_KEY = 4;

    private static final Set<String> GENERIC = Set.of("通知", "公告", "通告", "公示", "决定", "意见", "说明", "函", "批复",
            "notice", "announcement", "pressrelease", "news", "rule", "finalrule", "order", "guidance", "untitled",
            "home", "index");
    private static final Pattern WRAPPED = Pattern.compile("《([^》]+)》");
    private static final Pattern BOILERPLATE = Pattern.compile(
            "^(?:.{0,30}?关于.*的(?:通知|公告|通告|函|批复|决定|意见)|(?i:(?:notice|announcement|statement)\\b.*))$");

    private final Engine engine;

    public PredecessorMatcher() {
        this(new Engine());
    }

    public PredecessorMatcher(Engine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /** A document as the matcher sees it. {@code versionId} is null for the new document. */
    public record Document(String documentId, String versionId, String jurisdiction, String title, List<Block> blocks) {

        public Document {
            Objects.requireNonNull(documentId, "documentId");
            blocks = blocks == null ? List.of() : List.copyOf(blocks);
        }
    }

    /**
     * The predecessor found: its document and version, the alignment, and why: {@code basis} with the
     * shared {@code identifier} ({@code RIN:3170-AA41}, null when linked by title), and the same in
     * English prose ({@code reason}).
     */
    public record Match(String documentId, String versionId, double similarity, String reason,
            Predecessor.Basis basis, String identifier) {
    }

    /**
     * Whether {@code candidate} may be the predecessor of {@code document} before aligning provisions
     * (jurisdiction, direction, identifiers, title): cheap, so an index can filter with it and load
     * the text of the few that pass.
     */
    public static boolean plausible(Document document, Document candidate) {
        return prefilter(document.jurisdiction(), document.title(), Identifiers.of(document.title(), document.blocks()),
                candidate.documentId().equals(document.documentId()) ? null : candidate) != Path.NONE;
    }

    /**
     * The same cheap test on what an index keeps of a candidate: its jurisdiction, title and
     * identifiers ({@link Identifiers#of}).
     */
    public static boolean plausible(String jurisdiction, String title, Set<String> identifiers,
            String candidateJurisdiction, String candidateTitle, Set<String> candidateIdentifiers) {
        return path(jurisdiction, title, identifiers, candidateJurisdiction, candidateTitle, candidateIdentifiers)
                != Path.NONE;
    }

    /** The best predecessor of {@code document} among {@code candidates}, if one qualifies. */
    public Optional<Match> find(Document document, List<Document> candidates) {
        Set<String> ids = Identifiers.of(document.title(), document.blocks());
        return candidates.stream()
                .filter(c -> !c.documentId().equals(document.documentId()))
                .map(c -> match(document, ids, c))
                .flatMap(Optional::stream)
                .max(Comparator.comparingDouble(Match::similarity)
                        .thenComparing(Match::documentId, Comparator.reverseOrder()));
    }

    /** The alignment of two versions' provisions, 0..1 (see the class comment). */
    public double alignment(List<Block> older, List<Block> newer) {
        return alignment(engine.compare(older, newer));
    }

    /** The alignment score of a comparison already made. */
    public static double alignment(DiffResult result) {
        ChangeSummary s = result.summary();
        int old = s.unchanged() + s.modified() + s.renumbered() + s.removed();
        int neu = s.unchanged() + s.modified() + s.renumbered() + s.added();
        int n = Math.max(old, neu);
        if (n == 0) {
            return 0;
        }
        double paired = s.unchanged();
        for (ProvisionChange c : result.changes()) {
            if (c.type() == ChangeType.MODIFIED || c.type() == ChangeType.RENUMBERED) {
                paired += c.similarity();
            }
        }
        return Math.min(1, paired / n);
    }

    private Optional<Match> match(Document document, Set<String> ids, Document candidate) {
        Set<String> theirs = Identifiers.of(candidate.title(), candidate.blocks());
        Path path = path(document.jurisdiction(), document.title(), ids, candidate.jurisdiction(), candidate.title(),
                theirs);
        if (path == Path.NONE) {
            return Optional.empty();
        }
        double score = alignment(candidate.blocks(), document.blocks());
        double needed = switch (path) {
            case IDENTIFIER -> MIN_ALIGNMENT_WITH_IDENTIFIER;
            case TITLE -> MIN_ALIGNMENT;
            case BOILERPLATE_TITLE -> MIN_ALIGNMENT_BOILERPLATE;
            case NONE -> Double.MAX_VALUE;
        };
        if (score < needed) {
            return Optional.empty();
        }
        double rounded = Math.round(score * 1000) / 1000.0;
        String identifier = path == Path.IDENTIFIER ? shared(ids, theirs) : null;
        String reason = switch (path) {
            case IDENTIFIER -> "same " + identifier.replace(':', ' ') + "; provisions align " + percent(score);
            default -> "same title without draft markers; provisions align " + percent(score);
        };
        return Optional.of(new Match(candidate.documentId(), candidate.versionId(), rounded, reason,
                path == Path.IDENTIFIER ? Predecessor.Basis.SAME_IDENTIFIER : Predecessor.Basis.SAME_TITLE, identifier));
    }

    private enum Path { NONE, IDENTIFIER, TITLE, BOILERPLATE_TITLE }

    private static Path prefilter(String jurisdiction, String title, Set<String> ids, Document candidate) {
        if (candidate == null) {
            return Path.NONE;
        }
        return path(jurisdiction, title, ids, candidate.jurisdiction(), candidate.title(),
                Identifiers.of(candidate.title(), candidate.blocks()));
    }

    private static Path path(String jurisdiction, String title, Set<String> ids, String candidateJurisdiction,
            String candidateTitle, Set<String> candidateIds) {
        if (!Objects.equals(norm(jurisdiction), norm(candidateJurisdiction))) {
            return Path.NONE;
        }
        // a draft does not replace a final text (a draft amendment of a law is not its successor)
        if (DraftMarkers.isDraft(title) && !DraftMarkers.isDraft(candidateTitle)) {
            return Path.NONE;
        }
        Set<String> kinds = new HashSet<>();
        ids.forEach(i -> kinds.add(Identifiers.kind(i)));
        boolean conflict = false;
        for (String other : candidateIds) {
            if (ids.contains(other)) {
                return Path.IDENTIFIER;
            }
            conflict |= kinds.contains(Identifiers.kind(other));
        }
        if (conflict) {
            return Path.NONE;
        }
        String a = key(title);
        String b = key(candidateTitle);
        if (a.length() < MIN_TITLE_KEY || b.length() < MIN_TITLE_KEY || GENERIC.contains(a) || GENERIC.contains(b)
                || !Titles.sameTitle(a, b)) {
            return Path.NONE;
        }
        if (boilerplate(title) || boilerplate(candidateTitle)) {
            // "关于开展网络安全检查的通知" and "关于开展数据安全检查的通知" are two notices: exactly the same words only
            return a.equals(b) ? Path.BOILERPLATE_TITLE : Path.NONE;
        }
        return Path.TITLE;
    }

    /**
     * The key titles are compared by: the title, or the document it wraps (关于印发《X》的通知 → X),
     * without draft markers ({@link DraftMarkers#key}). An index keeps it to find candidates by title.
     */
    public static String titleKey(String title) {
        return key(title);
    }

    /** The key of a title, or of the document it wraps (关于印发《X》的通知 → X). */
    static String key(String title) {
        if (title == null) {
            return "";
        }
        Matcher m = WRAPPED.matcher(title);
        return DraftMarkers.key(m.find() ? m.group(1) : title);
    }

    private static boolean boilerplate(String title) {
        return title != null && !WRAPPED.matcher(title).find()
                && BOILERPLATE.matcher(DraftMarkers.strip(title)).matches();
    }

    private static String norm(String jurisdiction) {
        return jurisdiction == null || jurisdiction.isBlank() ? "" : jurisdiction.strip().toUpperCase(java.util.Locale.ROOT);
    }

    private static String shared(Set<String> a, Set<String> b) {
        return a.stream().filter(b::contains).findFirst().orElse("identifier");
    }

    private static String percent(double score) {
        return Math.round(score * 100) + " %";
    }
}
