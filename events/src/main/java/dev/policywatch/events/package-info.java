/**
 * The events that flow between policywatch's services (CONTRACT §2): {@link dev.policywatch.events.PageSnapshot}
 * written by the crawler, {@link dev.policywatch.events.DocumentChange} written by diff-service, the
 * topic names and Kafka defaults ({@link dev.policywatch.events.Topics}), deterministic ids
 * ({@link dev.policywatch.events.Ids}) and their JSON form ({@link dev.policywatch.events.EventJson}).
 * Plain Java and Jackson: no Kafka, no Micronaut (the build's wall, see docs/architecture.md); the Kafka
 * serde over this JSON is {@code dev.policywatch.support.kafka.JsonSerde} in module support-kafka.
 *
 * <p>Records validate themselves in their compact constructors and copy their lists, so a value that
 * exists is a valid one. Events evolve by adding fields, never by renaming; readers ignore fields they
 * do not know.
 */
package dev.policywatch.events;
