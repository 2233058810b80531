/**
 * {@code sources check}: fetch each source of a sources file once, as the crawler would, publish
 * nothing, and say what was found (title, provisions counted, links, attachments) or why not.
 */
package dev.policywatch.crawler.check;
