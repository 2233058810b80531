/** The changes timeline at {@code /}: newest first, filtered, paged with the API's cursor. */
package dev.policywatch.web.timeline;
