/**
 * Alignment: decides which provision of the old version became which provision of the new one,
 * by content first (exact text with cross-reference numbers masked, then TF-IDF cosine, then
 * ordered weak matches and a character ratio) and by label last. {@link
 * dev.policywatch.engine.align.ProvisionAligner} is the entry point; {@link
 * dev.policywatch.engine.align.CanonicalText} holds the normalisation every comparison uses. It
 * does not classify changes or compute inline diffs; that is {@code diff}.
 */
package dev.policywatch.engine.align;
