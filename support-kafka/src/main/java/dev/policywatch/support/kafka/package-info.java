/**
 * The Kafka edge the services share: client settings ({@link dev.policywatch.support.kafka.KafkaSettings}),
 * creation of the topics at start ({@link dev.policywatch.support.kafka.TopicInitializer}), the serde of the
 * events ({@link dev.policywatch.support.kafka.JsonSerde}), the one loop that moves records into a sink
 * ({@link dev.policywatch.support.kafka.SinkConsumerLoop}), reading a topic to its end
 * ({@link dev.policywatch.support.kafka.TopicReplay}) and dead letters
 * ({@link dev.policywatch.support.kafka.DeadLetters}).
 *
 * <p>The event records and their JSON form stay Kafka-free in module events, so the engine compiles
 * without Kafka.
 */
package dev.policywatch.support.kafka;
