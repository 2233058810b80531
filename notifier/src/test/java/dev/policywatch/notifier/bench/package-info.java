/** The notifier's benchmark (a main class, not a test): see docs/benchmarks.md. */
package dev.policywatch.notifier.bench;
