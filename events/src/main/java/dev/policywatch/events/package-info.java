/**
 * The events that flow between policywatch's services (CONTRACT §2): {@link dev.policywatch.events.PageSnapshot}
 * written by the crawler, {@link dev.policywatch.events.DocumentChange} written by diff-service, the
 * topic names and Kafka defaults ({@link dev.policywatch.events.Topics}), deterministic ids
 * ({@link dev.policywatch.events.Ids}) and the JSON serdes ({@link dev.policywatch.events.EventJson},
 * {@link dev.policywatch.events.JsonSerde}).
 *
 * <p>Records validate themselves in their compact constructors and copy their lists, so a value that
 * exists is a valid one. Events evolve by adding fields, never by renaming; readers ignore fields they
 * do not know.
 */
package dev.policywatch.events;
