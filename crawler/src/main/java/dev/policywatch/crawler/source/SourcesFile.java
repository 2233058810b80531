package dev.policywatch.crawler.source;

import dev.policywatch.crawler.discover.JsonPath;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the sources file (CONTRACT §5): YAML with a list under {@code sources}. Pure: text in,
 * validated {@link Source}s out. Every problem is collected and reported together in one
 * {@link SourcesFileException}, each naming the entry ({@code #3 (cac-genai-measures)}) and the field.
 * Unknown fields are errors too: a misspelt {@code contnet} would otherwise silently extract the whole page.
 */
public final class SourcesFile {

    /** The interval of a source without {@code every}. */
    public static final Duration DEFAULT_EVERY = Duration.ofHours(6);

    private static final Set<String> FIELDS = Set.of("id", "name", "url", "publisher", "jurisdiction", "kind",
            "content", "exclude", "links", "fragment", "every", "max-documents", "attachments", "max-attachments", "render");

    /**
     * The largest sources file read, in characters: SnakeYAML's default (3 MiB) stops at about 15,000
     * sources; this allows about 300,000.
     */
    public static final int MAX_CODE_POINTS = 64 * 1024 * 1024;

    private SourcesFile() {
    }

    /**
     * Parses and validates.
     *
     * @param yaml   the file's text
     * @param origin where it came from, for messages (a path or {@code classpath:sources.yml})
     * @throws SourcesFileException listing every problem
     */
    public static List<Source> parse(String yaml, String origin) {
        // the standalone checks the file before it starts anything, then the catalog loads the same text:
        // 20,000 entries take a second to parse, so the last valid parse is kept (by digest, not the text)
        byte[] digest = digest(yaml, origin);
        Parsed last = lastParsed;
        if (last != null && MessageDigest.isEqual(last.digest(), digest)) {
            return last.sources();
        }
        List<Source> sources = parseUncached(yaml, origin);
        lastParsed = new Parsed(digest, sources);
        return sources;
    }

    /** The last file parsed without problems: a SHA-256 of its text and origin, and its sources. */
    private record Parsed(byte[] digest, List<Source> sources) {
    }

    private static volatile Parsed lastParsed;

    private static byte[] digest(String yaml, String origin) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(origin.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(yaml.getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static List<Source> parseUncached(String yaml, String origin) {
        Object root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            options.setCodePointLimit(MAX_CODE_POINTS);
            root = new Yaml(new SafeConstructor(options)).load(yaml);
        } catch (YAMLException e) {
            throw new SourcesFileException(origin, List.of("not valid YAML: " + e.getMessage()));
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("sources") instanceof List<?> entries)) {
            throw new SourcesFileException(origin, List.of("expected a list under the key 'sources'"));
        }
        List<String> problems = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Object entry = entries.get(i);
            String where = "entry #" + (i + 1);
            if (!(entry instanceof Map<?, ?> map)) {
                problems.add(where + ": expected a mapping of fields, found " + describe(entry));
                continue;
            }
            Object rawId = map.get("id");
            if (rawId != null) {
                where += " (" + rawId + ")";
            }
            Source source = entry(map, where, problems);
            if (source != null) {
                if (!ids.add(source.id())) {
                    problems.add(where + ": field 'id': duplicate id " + source.id());
                } else {
                    sources.add(source);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new SourcesFileException(origin, problems);
        }
        return List.copyOf(sources);
    }

    private static Source entry(Map<?, ?> map, String where, List<String> problems) {
        int before = problems.size();
        for (Object key : map.keySet()) {
            if (!FIELDS.contains(String.valueOf(key))) {
                problems.add(where + ": field '" + key + "': unknown field (known: " + String.join(", ",
                        FIELDS.stream().sorted().toList()) + ")");
            }
        }
        String id = string(map, "id", where, problems, true);
        if (id != null && !Source.ID.matcher(id).matches()) {
            problems.add(where + ": field 'id': must match " + Source.ID.pattern() + " (letters, digits, _ ~ -; no dots)");
        }
        String name = string(map, "name", where, problems, false);
        String publisher = string(map, "publisher", where, problems, false);
        String jurisdiction = string(map, "jurisdiction", where, problems, false);
        URI url = url(string(map, "url", where, problems, true), where, problems);
        String kindName = string(map, "kind", where, problems, true);
        SourceKind kind = SourceKind.of(kindName);
        if (kindName != null && kind == null) {
            problems.add(where + ": field 'kind': must be page, listing, feed or json, was " + kindName);
        }
        String content = css(string(map, "content", where, problems, false), "content", where, problems);
        List<String> exclude = excludes(map.get("exclude"), where, problems);
        String links = string(map, "links", where, problems, false);
        String fragment = string(map, "fragment", where, problems, false);
        if (kind == SourceKind.LISTING) {
            if (links == null) {
                problems.add(where + ": field 'links': required for a listing (CSS selector of the document links)");
            } else {
                css(links, "links", where, problems);
            }
            if (fragment != null) {
                jsonPath(fragment, "fragment", where, problems);
            }
        } else if (kind == SourceKind.JSON) {
            if (links == null) {
                problems.add(where + ": field 'links': required for a json source (JSONPath of the URLs)");
            } else {
                jsonPath(links, "links", where, problems);
            }
        }
        if (fragment != null && kind != SourceKind.LISTING && kind != null) {
            problems.add(where + ": field 'fragment': only a listing takes a fragment");
        }
        Duration every = every(map.get("every"), where, problems);
        Integer maxDocuments = null;
        Object md = map.get("max-documents");
        if (md != null) {
            if (md instanceof Integer n && n >= 1) {
                maxDocuments = n;
            } else {
                problems.add(where + ": field 'max-documents': must be a whole number >= 1, was " + md);
            }
        }
        Object renderValue = map.get("render");
        boolean browser = "browser".equals(renderValue);
        if (renderValue != null && !browser && !"http".equals(renderValue)) {
            problems.add(where + ": field 'render': must be http or browser, was " + describe(renderValue));
        }
        boolean attachments = true;
        Object at = map.get("attachments");
        if (at != null) {
            if (at instanceof Boolean b) {
                attachments = b;
            } else {
                problems.add(where + ": field 'attachments': must be true or false, was " + describe(at));
            }
        }
        Integer maxAttachments = null;
        Object ma = map.get("max-attachments");
        if (ma != null) {
            if (ma instanceof Integer n && n >= 1 && n <= Source.MAX_MAX_ATTACHMENTS) {
                maxAttachments = n;
            } else {
                problems.add(where + ": field 'max-attachments': must be a whole number from 1 to "
                        + Source.MAX_MAX_ATTACHMENTS + ", was " + describe(ma));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new Source(id, name, url, publisher, jurisdiction, kind, content, exclude, links, fragment, every,
                maxDocuments, attachments, maxAttachments, browser);
    }

    private static String string(Map<?, ?> map, String field, String where, List<String> problems, boolean required) {
        Object v = map.get(field);
        if (v == null) {
            if (required) {
                problems.add(where + ": field '" + field + "': required");
            }
            return null;
        }
        if (v instanceof Map || v instanceof List) {
            problems.add(where + ": field '" + field + "': expected text, found " + describe(v));
            return null;
        }
        String s = String.valueOf(v).trim();
        if (s.isEmpty()) {
            if (required) {
                problems.add(where + ": field '" + field + "': must not be empty");
            }
            return null;
        }
        return s;
    }

    private static URI url(String raw, String where, List<String> problems) {
        if (raw == null) {
            return null;
        }
        try {
            URI uri = new URI(raw);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                problems.add(where + ": field 'url': must be an absolute http or https URL, was " + raw);
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            problems.add(where + ": field 'url': not a valid URL (" + e.getMessage() + ")");
            return null;
        }
    }

    private static String css(String selector, String field, String where, List<String> problems) {
        if (selector == null) {
            return null;
        }
        try {
            QueryParser.parse(selector);
        } catch (Selector.SelectorParseException | IllegalArgumentException e) {
            problems.add(where + ": field '" + field + "': invalid CSS selector '" + selector + "': " + e.getMessage());
        }
        return selector;
    }

    private static void jsonPath(String path, String field, String where, List<String> problems) {
        try {
            JsonPath.compile(path);
        } catch (IllegalArgumentException e) {
            problems.add(where + ": field '" + field + "': " + e.getMessage());
        }
    }

    private static List<String> excludes(Object v, String where, List<String> problems) {
        if (v == null) {
            return List.of();
        }
        List<?> raw = v instanceof List<?> l ? l : List.of(v);
        List<String> out = new ArrayList<>();
        for (Object o : raw) {
            if (o == null || o instanceof Map || o instanceof List || String.valueOf(o).isBlank()) {
                problems.add(where + ": field 'exclude': each entry must be a CSS selector, found " + describe(o));
                continue;
            }
            out.add(css(String.valueOf(o).trim(), "exclude", where, problems));
        }
        return out;
    }

    private static Duration every(Object v, String where, List<String> problems) {
        if (v == null) {
            return DEFAULT_EVERY;
        }
        String s = String.valueOf(v).trim();
        try {
            Duration d = Duration.parse(s.toUpperCase(Locale.ROOT));
            if (d.isNegative() || d.isZero()) {
                problems.add(where + ": field 'every': must be positive, was " + s);
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            problems.add(where + ": field 'every': must be an ISO-8601 duration such as PT6H or P1D, was " + s);
            return null;
        }
    }

    private static String describe(Object o) {
        if (o == null) {
            return "nothing";
        }
        if (o instanceof Map) {
            return "a mapping";
        }
        if (o instanceof List) {
            return "a list";
        }
        return "'" + o + "'";
    }
}
