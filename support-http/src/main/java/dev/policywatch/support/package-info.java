/**
 * The HTTP and management edge every policywatch service shares (crawler, diff-service, notifier, web),
 * so each writes it once: the {@code policywatch.*} settings ({@link dev.policywatch.support.PolicywatchSettings}),
 * the admin and read tokens ({@link dev.policywatch.support.Access}), {@code application/problem+json}
 * errors ({@link dev.policywatch.support.Problem}), the merged OpenAPI document
 * ({@link dev.policywatch.support.OpenApiController}), the {@code /health} of the service's long-running
 * loops ({@link dev.policywatch.support.LoopRegistry}) and the end of the process on a fatal JVM error
 * ({@link dev.policywatch.support.FatalErrors}).
 *
 * <p>No Kafka and no database here: those edges are {@code dev.policywatch.support.kafka} (module
 * support-kafka) and {@code dev.policywatch.support.db} (module support-db), so the web UI, which has
 * neither, takes only this module. Nothing here knows about documents or provisions.
 */
package dev.policywatch.support;
