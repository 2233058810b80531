/**
 * The history API of diff-service: documents, their versions and lineage, the diff of two versions,
 * and pages of changes. Every field is written, null included, like the events themselves.
 */
package dev.policywatch.api.history;
