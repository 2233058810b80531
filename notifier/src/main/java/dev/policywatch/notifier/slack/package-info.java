/**
 * Slack alerts: {@link dev.policywatch.notifier.slack.SlackMessages} renders Block Kit within Slack's
 * limits with page text escaped; {@link dev.policywatch.notifier.slack.SlackWebhook} is the platform the
 * shared {@link dev.policywatch.notifier.hook.HookSender} posts with (429 pauses that webhook only, 5xx
 * retries, 404/410 and {@code no_service}/{@code channel_not_found} mark the subscription broken).
 */
package dev.policywatch.notifier.slack;
