/**
 * Where the notifier may post: the webhook allow-list of CONTRACT §4. {@link dev.policywatch.notifier.ssrf.WebhookPolicy}
 * checks a URL against the allow-list and says which origin, if any, the sender may reach at a private
 * address. Whether an address is public, name resolution and the pinned, checked connections are the
 * {@code dev.policywatch.net} module's, shared with the crawler: one policy for every outbound request.
 */
package dev.policywatch.notifier.ssrf;
