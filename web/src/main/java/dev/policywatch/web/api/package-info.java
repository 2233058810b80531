/**
 * The pages' calls to the public JSON API (CONTRACT §4): declarative Micronaut clients over the records
 * of module {@code api} ({@code HistoryClient}, {@code CrawlerClient}, {@code NotifierClient}), behind
 * {@link dev.policywatch.web.api.HistoryApi}, {@link dev.policywatch.web.api.CrawlerApi} and {@link
 * dev.policywatch.web.api.NotifierApi}. Every failure is an {@link dev.policywatch.web.api.ApiException}
 * saying what went wrong (not found, rejected with the API's problem detail, or unavailable); nothing
 * here renders HTML.
 */
package dev.policywatch.web.api;
