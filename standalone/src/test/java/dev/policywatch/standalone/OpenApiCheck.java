package dev.policywatch.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Holds real answers of a running system against the OpenAPI 3.0 document it serves: the operation is
 * documented, so is the status answered and its content type, and a JSON body matches the schema —
 * every field answered is declared with its type (string, integer, number, boolean, array, object, enum
 * value, date-time), every required field is there, null only where the schema says nullable. It
 * records what it found wrong and which operations were exercised.
 */
final class OpenApiCheck {

    private record Operation(String method, String template, Pattern pattern, Map<String, Object> spec) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Object> schemas;
    private final List<Operation> operations = new ArrayList<>();
    private final Set<String> exercised = new TreeSet<>();
    private final List<String> violations = new ArrayList<>();

    OpenApiCheck(String yaml) {
        Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        this.schemas = map(map(doc.get("components")).get("schemas"));
        map(doc.get("paths")).forEach((template, item) -> map(item).forEach((method, spec) -> operations.add(
                new Operation(method.toUpperCase(Locale.ROOT), template,
                        Pattern.compile(template.replaceAll("\\{[^/}]+}", "[^/]+")), map(spec)))));
    }

    /** Every documented operation, {@code METHOD /path/{template}}. */
    Set<String> operations() {
        Set<String> all = new TreeSet<>();
        operations.forEach(o -> all.add(o.method() + " " + o.template()));
        return all;
    }

    /** The operations {@link #check} has seen an answer of. */
    Set<String> exercised() {
        return exercised;
    }

    /** What did not match, one line each. */
    List<String> violations() {
        return violations;
    }

    /** Checks one answer of {@code method} to {@code uri}. */
    void check(String method, String uri, HttpResponse<String> response) {
        String path = URI.create(uri).getRawPath();
        String where = method + " " + uri + " → " + response.statusCode();
        Operation op = operations.stream().filter(o -> o.method().equals(method) && o.pattern().matcher(path).matches())
                .findFirst().orElse(null);
        if (op == null) {
            violations.add(where + ": the operation is not documented");
            return;
        }
        exercised.add(op.method() + " " + op.template());
        Map<String, Object> documented = map(op.spec().get("responses")).isEmpty() ? Map.of()
                : map(map(op.spec().get("responses")).get(String.valueOf(response.statusCode())));
        if (documented.isEmpty()) {
            violations.add(where + ": status not documented (documented: "
                    + map(op.spec().get("responses")).keySet() + ")");
            return;
        }
        String type = response.headers().firstValue("Content-Type").map(t -> t.split(";")[0].trim()).orElse("");
        Map<String, Object> content = map(documented.get("content"));
        if (content.isEmpty()) {
            if (!response.body().isEmpty()) {
                violations.add(where + ": answers a " + type + " body where the document declares none");
            }
            return;
        }
        if (!content.containsKey(type)) {
            violations.add(where + ": content type " + type + " not documented (documented: " + content.keySet() + ")");
            return;
        }
        if (!type.endsWith("json")) {
            return;
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (IOException e) {
            violations.add(where + ": the body is not JSON: " + e.getMessage());
            return;
        }
        validate(body, map(map(content.get(type)).get("schema")), "$", where);
    }

    private void validate(JsonNode node, Map<String, Object> schema, String at, String where) {
        if (schema.containsKey("$ref")) {
            String ref = String.valueOf(schema.get("$ref"));
            Map<String, Object> target = map(schemas.get(ref.substring(ref.lastIndexOf('/') + 1)));
            if (target.isEmpty()) {
                violations.add(where + ": " + at + " refers to " + ref + ", which is not in components.schemas");
                return;
            }
            validate(node, target, at, where);
            return;
        }
        if (node.isNull()) {
            if (!Boolean.TRUE.equals(schema.get("nullable"))) {
                violations.add(where + ": " + at + " is null, and the schema does not say nullable");
            }
            return;
        }
        if (schema.get("allOf") instanceof List<?> all) {
            for (Object part : all) {
                validate(node, map(part), at, where);
            }
        }
        Object type = schema.get("type");
        if (type == null && schema.containsKey("properties")) {
            type = "object";
        }
        if (type == null) {
            return;
        }
        switch (String.valueOf(type)) {
            case "object" -> object(node, schema, at, where);
            case "array" -> {
                if (!node.isArray()) {
                    violations.add(where + ": " + at + " is " + node.getNodeType() + ", the schema says array");
                    return;
                }
                for (int i = 0; i < node.size(); i++) {
                    validate(node.get(i), map(schema.get("items")), at + "[" + i + "]", where);
                }
            }
            case "string" -> string(node, schema, at, where);
            case "integer" -> expect(node.isIntegralNumber(), node, "integer", at, where);
            case "number" -> expect(node.isNumber(), node, "number", at, where);
            case "boolean" -> expect(node.isBoolean(), node, "boolean", at, where);
            default -> violations.add(where + ": " + at + " has a schema of unknown type " + type);
        }
    }

    private void object(JsonNode node, Map<String, Object> schema, String at, String where) {
        if (!node.isObject()) {
            violations.add(where + ": " + at + " is " + node.getNodeType() + ", the schema says object");
            return;
        }
        Map<String, Object> properties = map(schema.get("properties"));
        if (schema.get("required") instanceof List<?> required) {
            for (Object name : required) {
                if (!node.has(String.valueOf(name))) {
                    violations.add(where + ": " + at + "." + name + " is required and missing");
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!properties.containsKey(field.getKey())) {
                if (!schema.containsKey("additionalProperties")) {
                    violations.add(where + ": " + at + "." + field.getKey() + " is answered and not declared");
                }
                continue;
            }
            validate(field.getValue(), map(properties.get(field.getKey())), at + "." + field.getKey(), where);
        }
    }

    private void string(JsonNode node, Map<String, Object> schema, String at, String where) {
        if (!node.isTextual()) {
            expect(false, node, "string", at, where);
            return;
        }
        String value = node.asText();
        if (schema.get("enum") instanceof List<?> values && !values.contains(value)) {
            violations.add(where + ": " + at + " is \"" + value + "\", not one of " + values);
        }
        try {
            if ("date-time".equals(schema.get("format"))) {
                OffsetDateTime.parse(value);
            } else if ("date".equals(schema.get("format"))) {
                LocalDate.parse(value);
            }
        } catch (DateTimeParseException e) {
            violations.add(where + ": " + at + " is \"" + value + "\", not a " + schema.get("format"));
        }
    }

    private void expect(boolean ok, JsonNode node, String type, String at, String where) {
        if (!ok) {
            violations.add(where + ": " + at + " is " + node.getNodeType() + " (" + node + "), the schema says " + type);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
