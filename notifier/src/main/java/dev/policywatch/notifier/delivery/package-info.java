/**
 * Delivery that loses nothing: {@link dev.policywatch.notifier.delivery.ChangeConsumer} reads
 * {@code policywatch.changes} (read_committed) and records one delivery per matching subscription in
 * the PostgreSQL {@link dev.policywatch.notifier.delivery.Outbox} before it commits the offset;
 * {@link dev.policywatch.notifier.delivery.DeliveryWorker} claims due deliveries
 * ({@code FOR UPDATE SKIP LOCKED}), sends them through an {@link dev.policywatch.notifier.delivery.AlertSender}
 * and marks them sent, retrying with {@link dev.policywatch.notifier.delivery.RetryPolicy} and giving up
 * to the dead-letter topic after N failures. {@link dev.policywatch.notifier.delivery.AlertFormat} holds
 * the wording shared by every channel.
 */
package dev.policywatch.notifier.delivery;
