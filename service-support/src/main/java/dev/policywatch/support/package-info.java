/**
 * What crawler, diff-service and notifier share as Micronaut services, so each writes it once:
 * the {@code policywatch.*} settings ({@link dev.policywatch.support.PolicywatchSettings}), the admin and
 * read tokens ({@link dev.policywatch.support.Access}), {@code application/problem+json} errors
 * ({@link dev.policywatch.support.Problem}), Kafka client settings
 * ({@link dev.policywatch.support.KafkaSettings}), creation of the topics at start
 * ({@link dev.policywatch.support.TopicInitializer}), dead letters
 * ({@link dev.policywatch.support.DeadLetters}) and per-service schema migrations
 * ({@link dev.policywatch.support.SchemaMigrations}).
 *
 * <p>Nothing here knows about documents or provisions; it is the thin edge around the pure cores.
 */
package dev.policywatch.support;
