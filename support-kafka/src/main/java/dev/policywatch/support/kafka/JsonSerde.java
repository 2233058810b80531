package dev.policywatch.support.kafka;

import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.EventFormatException;
import dev.policywatch.events.EventJson;
import dev.policywatch.events.PageSnapshot;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serializer, deserializer and Streams serde for one event type, backed by {@link EventJson}.
 * A null value (a tombstone) reads and writes as null, as Kafka expects; anything else that cannot
 * be read throws {@link EventFormatException} with the topic in its message.
 */
public final class JsonSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

    private final Class<T> type;

    public JsonSerde(Class<T> type) {
        this.type = type;
    }

    public static JsonSerde<PageSnapshot> snapshots() {
        return new JsonSerde<>(PageSnapshot.class);
    }

    public static JsonSerde<DocumentChange> changes() {
        return new JsonSerde<>(DocumentChange.class);
    }

    @Override
    public byte[] serialize(String topic, T data) {
        return data == null ? null : EventJson.write(data);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return EventJson.read(data, type);
        } catch (EventFormatException e) {
            throw new EventFormatException("topic " + topic + ": " + e.getMessage(), e.getCause());
        }
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public void configure(java.util.Map<String, ?> configs, boolean isKey) {
        // nothing to configure: the type is fixed at construction
    }

    @Override
    public void close() {
        // nothing to release
    }
}
