/**
 * Which subscriptions a change concerns: {@link dev.policywatch.api.subscriptions.Filters} (sources,
 * jurisdictions, keywords, change types) and the pure {@link dev.policywatch.notifier.match.SubscriptionMatcher}.
 * No database, no clock.
 */
package dev.policywatch.notifier.match;
