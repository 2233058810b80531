package dev.policywatch.support;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * The one declaration of the API's error responses in the OpenAPI document: every error response (a
 * 4xx or 5xx) that a controller documents with its code and description only is
 * {@code application/problem+json} with the {@value #SCHEMA} schema, which is derived from
 * {@link Problem.ProblemBody} itself (what {@link ProblemHandler} and {@link ProblemErrorResponses}
 * answer). Controllers write {@code @ApiResponse(responseCode = "404", description = "No such document")};
 * {@link OpenApiController} applies this to the document it serves. Pure: YAML text in, YAML text out.
 */
public final class ProblemResponses {

    /** The name of the problem schema under {@code components.schemas}. */
    public static final String SCHEMA = "Problem";

    private ProblemResponses() {
    }

    /**
     * The document with problem+json content on every error response that declares no content, and
     * the {@value #SCHEMA} schema among its components.
     *
     * @param yaml an OpenAPI 3 document
     * @return the document, unchanged when no error response lacked content
     */
    public static String declare(String yaml) {
        Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!declare(doc)) {
            return yaml;
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setWidth(120);
        options.setSplitLines(true);
        return new Yaml(new Representer(options), options).dump(doc);
    }

    @SuppressWarnings("unchecked")
    static boolean declare(Map<String, Object> doc) {
        boolean added = false;
        if (!(doc.get("paths") instanceof Map<?, ?> paths)) {
            return false;
        }
        for (Object path : paths.values()) {
            if (!(path instanceof Map<?, ?> operations)) {
                continue;
            }
            for (Object operation : operations.values()) {
                if (!(operation instanceof Map<?, ?> op) || !(op.get("responses") instanceof Map<?, ?> responses)) {
                    continue;
                }
                for (Map.Entry<?, ?> r : responses.entrySet()) {
                    if (isError(String.valueOf(r.getKey())) && r.getValue() instanceof Map<?, ?> response
                            && response.get("content") == null) {
                        Map<String, Object> content = new LinkedHashMap<>();
                        content.put(ProblemHandler.PROBLEM_JSON.toString(),
                                Map.of("schema", Map.of("$ref", "#/components/schemas/" + SCHEMA)));
                        ((Map<String, Object>) response).put("content", content);
                        added = true;
                    }
                }
            }
        }
        if (added) {
            Map<String, Object> components = (Map<String, Object>) doc.computeIfAbsent("components",
                    k -> new LinkedHashMap<>());
            Map<String, Object> schemas = (Map<String, Object>) components.computeIfAbsent("schemas",
                    k -> new LinkedHashMap<>());
            schemas.putIfAbsent(SCHEMA, schema());
        }
        return added;
    }

    /** The JSON schema of {@link Problem.ProblemBody}: its record components, all required. */
    public static Map<String, Object> schema() {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (RecordComponent c : Problem.ProblemBody.class.getRecordComponents()) {
            properties.put(c.getName(), c.getType() == int.class || c.getType() == Integer.class
                    ? Map.of("type", "integer", "format", "int32") : Map.of("type", "string"));
            required.add(c.getName());
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("required", required);
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("description", "An error (RFC 9457): type about:blank, the status's title, the status, and a"
                + " detail that names what is wrong");
        return schema;
    }

    private static boolean isError(String code) {
        return code.length() == 3 && (code.charAt(0) == '4' || code.charAt(0) == '5');
    }
}
