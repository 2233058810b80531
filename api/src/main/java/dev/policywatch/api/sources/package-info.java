/** The crawler's API: the sources and how their crawling goes. Null and empty fields are left out. */
package dev.policywatch.api.sources;
