/**
 * The notifier service: subscriptions, matching, a PostgreSQL outbox, and alerts by email, Slack and
 * console. {@link dev.policywatch.notifier.Notifier} starts it (schema, topics, consumer, worker);
 * {@link dev.policywatch.notifier.NotifierBeans} wires the plain classes of the feature packages
 * ({@code .subscription}, {@code .match}, {@code .delivery}, {@code .email}, {@code .slack}, {@code .ssrf},
 * {@code .console}) into Micronaut beans of the notifier's own types only.
 */
package dev.policywatch.notifier;
