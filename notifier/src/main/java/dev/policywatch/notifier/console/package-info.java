/**
 * The {@code console} channel: alerts printed to standard output as readable text, so the standalone's
 * demo shows real alerts with no SMTP server or Slack workspace. Console subscriptions are created by
 * configuration ({@code policywatch.notifier.console.enabled}) or with the admin token, and need no
 * confirmation.
 */
package dev.policywatch.notifier.console;
