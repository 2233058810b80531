/**
 * The subscribe page at {@code /subscribe}: a form (email or Slack webhook, filters, immediate or daily)
 * posted back to this server, which creates the subscription through the notifier's API and answers
 * "check your inbox to confirm" for every email address alike.
 */
package dev.policywatch.web.subscribe;
