package dev.policywatch.diff.history;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The head of the diff-service's OpenAPI document, generated at build time by micronaut-openapi into
 * {@code META-INF/swagger/policywatch-diff.yml} (name set in the module's {@code openapi.properties}) and
 * served, merged with the other services' documents, at {@code GET /openapi.yml}. The bodies' schemas
 * come from the records the controllers answer with (module {@code api}).
 */
@OpenAPIDefinition(
        info = @Info(title = "policywatch history", version = "0.1.0",
                description = "Documents, their versions and provisions, the diff of any two versions, and the"
                        + " provision-level changes (JSON and Atom). Errors are application/problem+json. Reads are"
                        + " public unless policywatch.read-token is set (then they take it, or the admin token, as a"
                        + " bearer token).",
                license = @License(name = "see the project's README")),
        tags = {
            @Tag(name = "changes", description = "Provision-level changes, newest first"),
            @Tag(name = "documents", description = "Documents, versions and diffs")
        })
@SecurityScheme(name = "bearerAuth", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "Authorization: Bearer <token>: the admin token (policywatch.admin-token) for admin"
                + " endpoints; the read token (policywatch.read-token) or the admin token for reads when a read"
                + " token is set.")
interface HistoryOpenApi {
}
