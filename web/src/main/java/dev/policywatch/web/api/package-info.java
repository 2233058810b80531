/**
 * Clients of the public JSON API (CONTRACT §4) that the pages are built on: {@link
 * dev.policywatch.web.api.HistoryApi} (diff-service), {@link dev.policywatch.web.api.CrawlerApi} and
 * {@link dev.policywatch.web.api.NotifierApi}. Every failure is an {@link
 * dev.policywatch.web.api.ApiException} saying what went wrong (not found, rejected with the API's
 * problem detail, or unavailable); nothing here renders HTML.
 */
package dev.policywatch.web.api;
