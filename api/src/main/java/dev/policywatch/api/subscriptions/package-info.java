/**
 * The subscriptions API of the notifier: the body of a new subscription and of a change to one, the
 * answer to a signup, and a subscription as the API shows it. The notifier reads request bodies
 * strictly and checks their constraints; {@link dev.policywatch.api.subscriptions.ValidTarget} (which
 * target a channel takes) is checked by the notifier, which knows the channels.
 */
package dev.policywatch.api.subscriptions;
