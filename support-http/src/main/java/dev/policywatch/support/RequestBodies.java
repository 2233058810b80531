package dev.policywatch.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.policywatch.events.EventJson;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads a JSON request body into its record (module {@code api}) and checks its Bean Validation
 * constraints, or throws a {@link Problem#badRequest} whose detail names the field: one reader for
 * every request body, so each answers bad input the same way. Reading is strict: an unknown field,
 * a number where a string belongs, an enum value the API does not know, or {@code null} where a field
 * refuses it is refused. Enum values are matched without regard to case. Any content type is read as
 * JSON (a {@code curl -d} sends form-urlencoded).
 */
@Singleton
public final class RequestBodies {

    private static final JsonMapper STRICT = strict();
    private static final int MAX_DETAIL = 300;

    private final Validator validator;

    public RequestBodies(Validator validator) {
        this.validator = validator;
    }

    /**
     * The body as a {@code type}, valid.
     *
     * @param body the request body (null or blank: refused)
     * @param type the record
     * @return the record
     * @throws Problem 400 naming the field and what it must be
     */
    public <T> T read(@Nullable String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw Problem.badRequest("the body must be a JSON object");
        }
        T value;
        try {
            value = STRICT.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw Problem.badRequest(clip(describe(e)));
        }
        if (value == null) {
            throw Problem.badRequest("the body must be a JSON object");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw Problem.badRequest(clip(violations.stream().map(RequestBodies::describe)
                    .collect(Collectors.toCollection(TreeSet::new)).stream().collect(Collectors.joining("; "))));
        }
        return value;
    }

    /**
     * The body of a change (a PATCH) as a {@code type}, valid: the fields it gives replace the current
     * ones, the fields it leaves out keep theirs, and {@code null} is refused, as it would say neither.
     *
     * @param body the request body (null or blank: refused)
     * @param type the record, whose absent fields read as null
     * @return the record
     * @throws Problem 400 naming the field and what it must be
     */
    public <T> T readChange(@Nullable String body, Class<T> type) {
        if (body != null && !body.isBlank()) {
            try {
                JsonNode tree = STRICT.readTree(body);
                if (tree != null && tree.isObject()) {
                    for (Map.Entry<String, JsonNode> field : tree.properties()) {
                        if (field.getValue().isNull()) {
                            throw Problem.badRequest(clip(field.getKey())
                                    + " must not be null (leave it out to keep the current value)");
                        }
                    }
                }
            } catch (JsonProcessingException e) {
                throw Problem.badRequest(clip(describe(e)));
            }
        }
        return read(body, type);
    }

    /** The detail of a body that is not JSON of the record's shape. */
    static String describe(JsonProcessingException e) {
        if (e instanceof StreamReadException && !(e instanceof MismatchedInputException)) {
            return "the body is not valid JSON: " + e.getOriginalMessage();
        }
        if (!(e instanceof JsonMappingException m)) {
            return "the body is not valid JSON: " + e.getOriginalMessage();
        }
        String path = path(m.getPath());
        if (m instanceof UnrecognizedPropertyException u) {
            List<String> known = new ArrayList<>();
            Collection<Object> ids = u.getKnownPropertyIds();
            if (ids != null) {
                ids.forEach(id -> known.add(String.valueOf(id)));
            }
            known.sort(null);
            return "unknown field " + path + " (expected one of " + known + ")";
        }
        if (m instanceof InvalidNullException) {
            return path + " must not be null (leave it out to keep the current value)";
        }
        if (m instanceof ValueInstantiationException v) {
            Throwable cause = v.getCause();
            String message = cause == null || cause.getMessage() == null ? v.getOriginalMessage() : cause.getMessage();
            return cause instanceof IllegalArgumentException || path.isEmpty() ? message : path + ": " + message;
        }
        if (path.isEmpty()) {
            return String.valueOf(m.getOriginalMessage()).startsWith("Trailing token")
                    ? "the body is not valid JSON: more than one value" : "the body must be a JSON object";
        }
        if (m instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            return path + " must be one of " + enumValues(f.getTargetType()) + ", was \"" + clip80(f.getValue()) + "\"";
        }
        if (m instanceof MismatchedInputException mi && mi.getTargetType() != null) {
            return path + " must be " + expected(mi.getTargetType());
        }
        return path + ": " + m.getOriginalMessage();
    }

    private static String describe(ConstraintViolation<?> v) {
        String path = path(v.getPropertyPath());
        String message = v.getMessage();
        if (path.isEmpty()) {
            return message;
        }
        boolean sentence = message.startsWith("is ") || message.startsWith("must ") || message.startsWith("takes ");
        return path + (sentence ? " " : ": ") + message;
    }

    /** {@code filters.sources[2]}: the JSON path of a binding error. */
    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                out.append(out.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /** {@code filters.keywords}: the property path of a violation, without container-element markers or indices. */
    private static String path(Path path) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getKind() == ElementKind.BEAN
                    || node.getName() == null || node.getName().isEmpty()) {
                continue;
            }
            out.append(out.length() == 0 ? "" : ".").append(node.getName());
        }
        return out.toString();
    }

    private static String enumValues(Class<?> type) {
        List<String> values = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            try {
                values.add(STRICT.writeValueAsString(constant));
            } catch (JsonProcessingException e) {
                values.add("\"" + constant + "\"");
            }
        }
        return String.join(", ", values);
    }

    private static String expected(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == LocalTime.class) {
            return "a time of day like \"08:00\"";
        }
        if (type == ZoneId.class) {
            return "a time zone id like \"Asia/Shanghai\" or \"UTC\"";
        }
        if (type == Instant.class) {
            return "an ISO-8601 instant like \"2026-01-31T08:00:00Z\"";
        }
        if (type == LocalDate.class) {
            return "a date like \"2026-01-31\"";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of " + enumValues(type);
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a " + type.getSimpleName();
    }

    private static String clip80(Object value) {
        String s = String.valueOf(value).replaceAll("\\p{Cntrl}", "?");
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    private static String clip(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > MAX_DETAIL ? clean.substring(0, MAX_DETAIL) + "…" : clean;
    }

    private static JsonMapper strict() {
        JsonMapper mapper = ((JsonMapper) EventJson.mapper()).rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // a number is not a channel or a mode (else {"channel": 3} would be the fourth constant)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .build();
        // a number or a boolean where a string belongs is an error, not "1" or "true"
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }
}
