/**
 * Tests with real infrastructure. Annotate a test class with {@code @ExtendWith(RealInfrastructure.class)}
 * and take a {@link dev.policywatch.testing.TestInfra} parameter (constructor, lifecycle or test method):
 * it gives the Kafka bootstrap address, a JDBC URL and DataSource on a schema of the class's own, and
 * unique topic, group and application-id names for the class.
 *
 * <p>One broker and one database serve the whole test JVM (one Maven module's test run): Testcontainers'
 * {@code apache/kafka} and {@code postgres} containers when a Docker engine is reachable, otherwise the
 * embedded broker and PostgreSQL of the {@code embedded} module. They stop when the JVM's tests end.
 */
package dev.policywatch.testing;
