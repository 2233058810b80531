package dev.policywatch.diff.stream;

import dev.policywatch.support.kafka.DeadLetters;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the topology does with a record it cannot read, process or produce: the snapshot that caused it
 * goes to the dead-letter topic (with the {@link DeadLetters} headers: where it came from and why), and
 * the partition moves on. Retriable broker errors are retried by Streams. Configured in
 * {@link DiffStreams#config} for all three handler kinds; the dead-letter topic is the
 * {@value #TOPIC_CONFIG} property.
 *
 * <p>The dead letter carries the source record (the snapshot), not the output that failed: an output
 * too large for its topic would be too large for the dead letter as well.
 */
public final class DeadLetterHandlers implements ProductionExceptionHandler, ProcessingExceptionHandler,
        DeserializationExceptionHandler {

    /**
     * The Streams property naming the dead-letter topic: Kafka's own, which also makes Streams keep the
     * source record's bytes for the handlers.
     */
    public static final String TOPIC_CONFIG = StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG;
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandlers.class);
    private static final String SERVICE = "diff-service";
    /** An output record is copied into the dead letter only when there is no source record and it is small. */
    private static final int MAX_COPIED_OUTPUT = 64 * 1024;

    private String topic;

    @Override
    public void configure(Map<String, ?> configs) {
        Object t = configs.get(TOPIC_CONFIG);
        if (t == null || t.toString().isBlank()) {
            throw new IllegalArgumentException(TOPIC_CONFIG + " must name the dead-letter topic");
        }
        topic = t.toString();
    }

    @Override
    public ProductionExceptionHandler.Response handleError(ErrorHandlerContext context,
            ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (exception instanceof RetriableException) {
            return ProductionExceptionHandler.Response.retry();
        }
        if (topic.equals(record.topic())) {
            // the dead letter itself was refused: keep its headers (where from, why) without the value
            if (record.value() == null) {
                LOG.error("A dead letter for {} could not be written either, dropped: {}", context.topic(),
                        exception.toString());
                return ProductionExceptionHandler.Response.resume();
            }
            return ProductionExceptionHandler.Response.resume(List.of(new ProducerRecord<>(topic, null, record.key(),
                    null, record.headers())));
        }
        return ProductionExceptionHandler.Response.resume(List.of(deadLetter(context, record, exception,
                "cannot produce to " + record.topic())));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ProductionExceptionHandler.Response handleSerializationError(ErrorHandlerContext context,
            ProducerRecord record, Exception exception, SerializationExceptionOrigin origin) {
        return ProductionExceptionHandler.Response.resume(List.of(deadLetter(context, null, exception,
                "cannot serialize the " + origin.name().toLowerCase() + " of a record for " + record.topic())));
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record,
            Exception exception) {
        return ProcessingExceptionHandler.Response.resume(List.of(deadLetter(context, null, exception,
                "cannot process in " + context.processorNodeId())));
    }

    @Override
    public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context,
            ConsumerRecord<byte[], byte[]> record, Exception exception) {
        return DeserializationExceptionHandler.Response.resume(List.of(new ProducerRecord<>(topic, null,
                record.key(), record.value(), DeadLetters.headers(record.topic(), record.partition(), record.offset(),
                        SERVICE, exception, "cannot read: " + exception))));
    }

    private ProducerRecord<byte[], byte[]> deadLetter(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> output,
            Exception exception, String what) {
        byte[] key = context.sourceRawKey();
        byte[] value = context.sourceRawValue();
        if (value == null && output != null && output.value() != null && output.value().length <= MAX_COPIED_OUTPUT) {
            key = output.key();
            value = output.value();
        }
        LOG.error("Snapshot {}-{}@{} sent to {}: {}: {}", context.topic(), context.partition(), context.offset(), topic,
                what, exception.toString());
        return new ProducerRecord<>(topic, null, key, value, DeadLetters.headers(context.topic(), context.partition(),
                context.offset(), SERVICE, exception, what + ": " + exception));
    }
}
