/**
 * The whole of policywatch in one process: {@link dev.policywatch.standalone.Main} is the command line
 * ({@code run}, {@code diff}); {@link dev.policywatch.standalone.Standalone} starts the embedded Kafka
 * broker and PostgreSQL (unless external ones are configured) and then crawler, diff-service and
 * notifier in one Micronaut context with all their HTTP APIs on one port.
 */
package dev.policywatch.standalone;
