/**
 * The change page at {@code /changes/{changeId}}: each provision's diff side by side and inline, labels
 * as printed, renumbering as {@code old → new}, structure changes (title, preamble, headings) apart.
 * {@link dev.policywatch.web.change.ProvisionDiff} turns a provision change into display segments and
 * is pure.
 */
package dev.policywatch.web.change;
