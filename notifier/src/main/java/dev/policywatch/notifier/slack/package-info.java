/**
 * Slack alerts: {@link dev.policywatch.notifier.slack.SlackMessages} renders Block Kit within Slack's
 * limits with page text escaped; {@link dev.policywatch.notifier.ssrf.WebhookClient} posts to the
 * address the SSRF check approved, over the shared OkHttp client (no second lookup, no redirects); {@link dev.policywatch.notifier.slack.SlackWebhookSender}
 * maps Slack's answers to outcomes (429 pauses that webhook only, 5xx retries, 404/410 and
 * {@code no_service}/{@code channel_not_found} mark the subscription broken).
 */
package dev.policywatch.notifier.slack;
