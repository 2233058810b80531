/** The diff-service benchmark (a main class, not a test): see docs/benchmarks.md. */
package dev.policywatch.diff.bench;
