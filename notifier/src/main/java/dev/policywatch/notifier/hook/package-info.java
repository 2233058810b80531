/**
 * Alerts posted to webhooks, one sender for every platform: {@link dev.policywatch.notifier.hook.HookSender}
 * checks the target against the allow-list again at each send, paces each target within its platform's
 * rate limit ({@link dev.policywatch.notifier.hook.Pacer}: a delivery that would exceed it waits in the
 * outbox, it is not an error), posts through the one {@link dev.policywatch.notifier.ssrf.WebhookClient},
 * and maps the answer to an outcome — HTTP statuses the same way for all, and the error codes that WeCom,
 * DingTalk and Feishu put in a 200's body ({@link dev.policywatch.notifier.hook.ReplyCodes}): rate limits
 * and busy servers retried with backoff, an invalid key or token disabling the subscription with the
 * reason. A {@link dev.policywatch.notifier.hook.HookPlatform} (one per channel package) renders the body
 * and signs it; {@link dev.policywatch.notifier.hook.Markdown} makes page text inert in markdown.
 */
package dev.policywatch.notifier.hook;
