/**
 * The sources file (CONTRACT §5): {@link dev.policywatch.crawler.source.SourcesFile} parses and
 * validates it (pure), {@link dev.policywatch.crawler.source.Source} is one validated entry and
 * {@link dev.policywatch.crawler.source.SourceCatalog} holds the current set, reloading it when the file
 * changes or on an admin request.
 */
package dev.policywatch.crawler.source;
