/**
 * Where the notifier may post: the webhook allow-list of CONTRACT §4 and the address checks that
 * keep a subscriber from pointing alerts at internal services (SSRF). {@link dev.policywatch.notifier.ssrf.WebhookPolicy}
 * checks a URL against the allow-list and resolves it to the one address the sender must connect to;
 * {@link dev.policywatch.notifier.ssrf.PublicAddresses} says whether an address is public. Name
 * resolution is a {@link dev.policywatch.notifier.ssrf.HostResolver}, so tests can make a name resolve
 * to a private address.
 */
package dev.policywatch.notifier.ssrf;
