/**
 * The policywatch web UI: server-rendered HTML pages at the paths of CONTRACT §4 ({@code /},
 * {@code /changes/{changeId}}, {@code /documents/{documentId}}, {@code /sources}, {@code /subscribe}).
 *
 * <p>The UI is a client of the public JSON API ({@link dev.policywatch.web.api}): it never touches the
 * database or Kafka, so it runs the same in the standalone (everything on one port) and in front of
 * separately deployed services. One sub-package per page; {@link dev.policywatch.web.page} holds what
 * every page shares (errors, security headers, formatting).
 */
package dev.policywatch.web;
