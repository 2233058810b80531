/**
 * Local stand-ins for the chat platforms' webhooks (Slack, WeCom, DingTalk, Feishu, Teams) and for a
 * Standard Webhooks receiver: {@link dev.policywatch.testing.hooks.PlatformReceiver} is a real HTTP server
 * that checks what the real platform checks — the message shape, its size limit, the signature and its
 * timestamp — answers the way the platform answers (HTTP 200 with an error code in the body for WeCom,
 * DingTalk and Feishu), and can be scripted to answer rate limits or a revoked key. The signature checks
 * are written from the platforms' documentation, independently of the notifier's signing code.
 */
package dev.policywatch.testing.hooks;
