package dev.policywatch.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Merges the OpenAPI 3 documents that each service generates at build time (micronaut-openapi,
 * {@code META-INF/swagger/policywatch-*.yml}) into one, as the standalone serves all services on one port.
 * Pure: YAML text in, YAML text out. Paths, tags, {@code components} (schemas, security schemes, ...) are
 * united; what two documents define differently under the same name (a path's method, a component, an
 * operationId) is kept from the first document and reported in {@link Result#conflicts()}, so one bad
 * document never hides the others. A single document is returned as it is.
 */
public final class OpenApiMerger {

    private OpenApiMerger() {
    }

    /**
     * The merged document and what could not be merged.
     *
     * @param yaml      the merged OpenAPI document
     * @param conflicts one line per definition that two documents gave differently (the first one is kept)
     */
    public record Result(String yaml, List<String> conflicts) {
        public Result {
            Objects.requireNonNull(yaml, "yaml");
            conflicts = List.copyOf(conflicts);
        }
    }

    /**
     * One input document.
     *
     * @param name where it comes from (a file name), for the conflict report
     * @param yaml its OpenAPI YAML text
     */
    public record Source(String name, String yaml) {
        public Source {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(yaml, "yaml");
        }
    }

    /**
     * Merges documents.
     *
     * @param info    the {@code info} of the merged document (title, description, version; without a
     *                version, the first document's); for a single document it is ignored and the document
     *                is returned unchanged
     * @param sources the documents, in a stable order (the first wins a conflict)
     * @return the merged document
     * @throws IllegalArgumentException when there is no document, or one is not an OpenAPI 3 YAML mapping
     */
    public static Result merge(Map<String, Object> info, List<Source> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no OpenAPI document to merge");
        }
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Source s : sources) {
            docs.add(parse(s));
        }
        if (sources.size() == 1) {
            return new Result(sources.get(0).yaml(), List.of());
        }
        List<String> conflicts = new ArrayList<>();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("openapi", docs.get(0).get("openapi"));
        Map<String, Object> mergedInfo = new LinkedHashMap<>(info);
        if (!mergedInfo.containsKey("version")) {
            Object version = map(docs.get(0).get("info"), sources.get(0).name(), "info").get("version");
            mergedInfo.put("version", version == null ? "0" : version.toString());
        }
        out.put("info", mergedInfo);

        Map<String, Object> tags = new LinkedHashMap<>();
        Map<String, Map<String, Object>> paths = new TreeMap<>();
        Map<String, Map<String, Object>> components = new TreeMap<>();
        List<Object> security = new ArrayList<>();
        Map<String, String> operationIds = new LinkedHashMap<>();

        for (int i = 0; i < docs.size(); i++) {
            Map<String, Object> doc = docs.get(i);
            String name = sources.get(i).name();
            for (Object tag : list(doc.get("tags"))) {
                Object tagName = tag instanceof Map<?, ?> m ? m.get("name") : null;
                if (tagName != null) {
                    tags.putIfAbsent(tagName.toString(), tag);
                }
            }
            for (Map.Entry<String, Object> path : map(doc.get("paths"), name, "paths").entrySet()) {
                Map<String, Object> merged = paths.computeIfAbsent(path.getKey(), k -> new LinkedHashMap<>());
                for (Map.Entry<String, Object> op : map(path.getValue(), name, path.getKey()).entrySet()) {
                    String where = op.getKey() + " " + path.getKey();
                    Object previous = merged.putIfAbsent(op.getKey(), op.getValue());
                    if (previous != null && !previous.equals(op.getValue())) {
                        conflicts.add(where + " is defined differently in " + name + " (kept the first)");
                        continue;
                    }
                    if (op.getValue() instanceof Map<?, ?> operation && operation.get("operationId") != null) {
                        String id = operation.get("operationId").toString();
                        String before = operationIds.putIfAbsent(id, where);
                        if (before != null && !before.equals(where)) {
                            conflicts.add("operationId " + id + " of " + where + " in " + name
                                    + " is already used by " + before);
                        }
                    }
                }
            }
            for (Map.Entry<String, Object> section : map(doc.get("components"), name, "components").entrySet()) {
                Map<String, Object> merged = components.computeIfAbsent(section.getKey(), k -> new TreeMap<>());
                for (Map.Entry<String, Object> entry : map(section.getValue(), name, section.getKey()).entrySet()) {
                    Object previous = merged.putIfAbsent(entry.getKey(), entry.getValue());
                    if (previous != null && !previous.equals(entry.getValue())) {
                        conflicts.add("components." + section.getKey() + "." + entry.getKey()
                                + " is defined differently in " + name + " (kept the first)");
                    }
                }
            }
            for (Object requirement : list(doc.get("security"))) {
                if (!security.contains(requirement)) {
                    security.add(requirement);
                }
            }
        }
        if (!tags.isEmpty()) {
            out.put("tags", new ArrayList<>(tags.values()));
        }
        out.put("paths", paths);
        if (!security.isEmpty()) {
            out.put("security", security);
        }
        if (!components.isEmpty()) {
            out.put("components", components);
        }
        return new Result(dump(out), conflicts);
    }

    private static Map<String, Object> parse(Source source) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(source.yaml());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(source.name() + " is not YAML: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> m) || !(m.get("openapi") instanceof String version)
                || !version.startsWith("3.")) {
            throw new IllegalArgumentException(source.name() + " is not an OpenAPI 3 document");
        }
        return map(root, source.name(), "the document");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String doc, String where) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(where + " in " + doc + " is not a mapping");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<Object, Object>) value).forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    private static String dump(Map<String, Object> doc) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setWidth(120);
        options.setSplitLines(true);
        return new Yaml(new Representer(options), options).dump(doc);
    }
}
