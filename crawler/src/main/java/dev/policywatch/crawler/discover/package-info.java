/**
 * Discovery of the documents of listing, feed and JSON sources: {@link dev.policywatch.crawler.discover.LinkExtractor}
 * (pure: bytes in, canonical URLs out), {@link dev.policywatch.crawler.discover.CanonicalUrls} (canonical URLs) and
 * {@link dev.policywatch.crawler.discover.JsonPath} (the JSONPath subset of the sources file).
 */
package dev.policywatch.crawler.discover;
