package dev.policywatch.notifier.subscription;

import dev.policywatch.notifier.match.Filters;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The head of the notifier's OpenAPI document, generated at build time by micronaut-openapi into
 * {@code META-INF/swagger/policywatch-notifier.yml} (name set in the module's {@code openapi.properties})
 * and served, merged with the other services' documents, at {@code GET /openapi.yml}. The nested records
 * only describe JSON bodies that {@link SubscriptionController} parses or writes itself; nothing
 * instantiates them.
 */
@OpenAPIDefinition(
        info = @Info(title = "policywatch notifier", version = "0.1.0",
                description = "Subscriptions to provision-level changes, by email or Slack, and the pages behind the"
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

    /**
     * The body of {@code POST /api/subscriptions}.
     *
     * @param channel    where alerts go ({@code console}: admin token only)
     * @param target     the email address, or the Slack webhook URL (must match
     *                   {@code policywatch.notifier.webhook.allowed-hosts}); ignored for console
     * @param filters    what to hear about; an empty or absent list means everything
     * @param mode       one alert per change, or one daily digest
     * @param digestTime local time of the daily digest (HH:mm)
     * @param digestZone time zone of the daily digest (IANA id, e.g. Asia/Shanghai)
     */
    @Schema(name = "SubscriptionCreate")
    record SubscriptionCreate(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"email", "slack", "console"})
            String channel,
            @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) String target,
            @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) Filters filters,
            @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, allowableValues = {"immediate", "daily"},
                    defaultValue = "immediate") String mode,
            @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, example = "08:00") String digestTime,
            @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, example = "Asia/Shanghai") String digestZone) {
    }

    /**
     * The body of {@code PATCH /api/subscriptions/{id}}: absent fields keep their value.
     *
     * @param filters    what to hear about
     * @param mode       one alert per change, or one daily digest
     * @param digestTime local time of the daily digest (HH:mm)
     * @param digestZone time zone of the daily digest (IANA id)
     */
    @Schema(name = "SubscriptionPatch")
    record SubscriptionPatch(
            @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) Filters filters,
            @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, allowableValues = {"immediate", "daily"})
            String mode,
            @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, example = "08:00") String digestTime,
            @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, example = "Asia/Shanghai") String digestZone) {
    }

    /**
     * The answer of {@code POST /api/subscriptions}.
     *
     * @param id          the subscription's id
     * @param status      {@code pending_confirmation} for email until the address confirms, {@code active} otherwise
     * @param manageToken the token to read, change or delete it ({@code X-Manage-Token}); shown only once
     */
    @Schema(name = "SubscriptionCreated")
    record SubscriptionCreated(String id,
            @Schema(allowableValues = {"pending_confirmation", "active"}) String status, String manageToken) {
    }
}
