/** The sources page at {@code /sources}: each source with its last fetch, HTTP status, next fetch, last error and broken flag. */
package dev.policywatch.web.sources;
