/**
 * Subscriptions (CONTRACT §4): the {@link dev.policywatch.notifier.subscription.Subscription} record and
 * its JDBC store, the HTTP API ({@code /api/subscriptions}), the confirmation and unsubscribe pages,
 * the signed, expiring link tokens and the per-client signup limit. Email addresses are double
 * opt-in: nothing but the confirmation is sent before the address confirms.
 */
package dev.policywatch.notifier.subscription;
