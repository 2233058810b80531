/** Generic webhooks: {@link dev.policywatch.notifier.webhook.StandardWebhook} posts the DocumentChange JSON signed per Standard Webhooks. */
package dev.policywatch.notifier.webhook;
