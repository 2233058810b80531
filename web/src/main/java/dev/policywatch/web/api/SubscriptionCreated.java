package dev.policywatch.web.api;

/** The notifier's answer to a new subscription: its id, status and manage token (a secret of its owner). */
public record SubscriptionCreated(String id, String status, String manageToken) {
}
