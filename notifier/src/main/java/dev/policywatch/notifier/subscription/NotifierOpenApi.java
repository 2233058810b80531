package dev.policywatch.notifier.subscription;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The head of the notifier's OpenAPI document, generated at build time by micronaut-openapi into
 * {@code META-INF/swagger/policywatch-notifier.yml} (name set in the module's {@code openapi.properties})
 * and served, merged with the other services' documents, at {@code GET /openapi.yml}. The bodies' schemas
 * come from the records the controller reads and answers (module {@code api}).
 */
@OpenAPIDefinition(
        info = @Info(title = "policywatch notifier", version = "0.1.0",
                description = "Subscriptions to provision-level changes, by email, Slack, WeCom, DingTalk, Feishu/Lark,"
                        + " Teams or a signed webhook, and the pages behind the"
                        + " links in alert emails. Errors are application/problem+json.",
                license = @License(name = "see the project's README")),
        tags = {
            @Tag(name = "subscriptions", description = "Create, read, change and delete subscriptions"),
            @Tag(name = "subscription pages", description = "HTML pages behind the links in emails")
        })
@SecurityScheme(name = "bearerAuth", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "Authorization: Bearer <token>: the admin token (policywatch.admin-token) for admin"
                + " endpoints; the read token (policywatch.read-token) or the admin token for reads when a read"
                + " token is set.")
@SecurityScheme(name = "manageToken", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        paramName = "X-Manage-Token",
        description = "The manageToken answered when the subscription was created.")
interface NotifierOpenApi {
}
