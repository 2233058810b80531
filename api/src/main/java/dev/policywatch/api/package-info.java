/**
 * The public HTTP API of policywatch as records (CONTRACT §4), one declaration for the services that
 * answer with them, the web pages that call the services with them, and the OpenAPI document generated
 * from them ({@code GET /openapi.yml}).
 *
 * <p>Wire format: the history's bodies write every field, null included, as the events on Kafka do
 * ({@code @JsonInclude(ALWAYS)}); the crawler's and the notifier's leave out null and empty fields
 * ({@code @JsonInclude(NON_EMPTY)}). Readers ignore fields they do not know. Request records carry
 * Bean Validation constraints whose messages name the field; the services read them strictly (an
 * unknown field is refused).
 */
package dev.policywatch.api;
