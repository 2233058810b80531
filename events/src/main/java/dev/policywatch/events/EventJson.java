package dev.policywatch.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * JSON for events: UTF-8, ISO-8601 instants, unknown fields ignored (tolerant reading), a missing or
 * invalid required field rejected with an {@link EventFormatException} naming it. Thread-safe.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private EventJson() {
    }

    /** The shared mapper, configured as described above. Do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Object event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + event.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static String writeString(Object event) {
        return new String(write(event), StandardCharsets.UTF_8);
    }

    /**
     * Reads one event.
     *
     * @throws EventFormatException when the bytes are not JSON, not an object of that type, or a
     *                              required field is missing or invalid
     */
    public static <T> T read(byte[] bytes, Class<T> type) {
        if (bytes == null || bytes.length == 0) {
            throw new EventFormatException("empty value where a " + type.getSimpleName() + " was expected", null);
        }
        try {
            T value = MAPPER.readValue(bytes, type);
            if (value == null) {
                throw new EventFormatException("JSON null where a " + type.getSimpleName() + " was expected", null);
            }
            return value;
        } catch (JsonMappingException e) {
            throw new EventFormatException("invalid " + type.getSimpleName() + " at " + path(e) + ": "
                    + rootMessage(e) + " (value starts: " + excerpt(bytes) + ")", e);
        } catch (IOException e) {
            throw new EventFormatException("malformed JSON for " + type.getSimpleName() + ": "
                    + (e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage())
                    + " (value starts: " + excerpt(bytes) + ")", e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        return read(json.getBytes(StandardCharsets.UTF_8), type);
    }

    private static String path(JsonMappingException e) {
        String path = e.getPathReference();
        if (path == null || path.isBlank()) {
            return "(root)";
        }
        // "dev.policywatch.events.PageSnapshot[\"blocks\"]->java.util.ArrayList[0]" → ["blocks"][0]
        return path.replaceAll("[A-Za-z0-9_.$]+\\[", "[").replace("->", "");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : t.getMessage();
        if (message == null) {
            return t.getClass().getSimpleName();
        }
        // Jackson's advice to whoever configures it ("set DeserializationConfig... to allow") is no reason
        if (message.startsWith("Cannot map `null` into type")) {
            return "missing or null, where a value is required";
        }
        int advice = message.indexOf(" (set DeserializationConfig");
        return advice > 0 ? message.substring(0, advice) : message;
    }

    private static String excerpt(byte[] bytes) {
        String s = new String(bytes, 0, Math.min(bytes.length, 120), StandardCharsets.UTF_8)
                .replaceAll("\\p{Cntrl}", " ");
        return bytes.length > 120 ? s + "…" : s;
    }
}
