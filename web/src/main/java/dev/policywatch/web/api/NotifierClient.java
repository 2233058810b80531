package dev.policywatch.web.api;

import dev.policywatch.api.subscriptions.ChannelAvailability;
import dev.policywatch.api.subscriptions.SubscriptionCreated;
import dev.policywatch.api.subscriptions.SubscriptionRequest;
import dev.policywatch.support.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.client.annotation.Client;
import java.util.List;

/** The notifier's API (CONTRACT §4). {@code policywatch.web.notifier-url}, or this server when unset. */
@PolicywatchApi
@Client(value = "${policywatch.web.notifier-url:/}", configuration = ApiClientConfiguration.class,
        errorType = Problem.ProblemBody.class)
@Header(name = HttpHeaders.ACCEPT, value = MediaType.APPLICATION_JSON)
interface NotifierClient {

    /**
     * Creates a subscription.
     *
     * @param request      the subscription
     * @param forwardedFor the page visitor's address, so that the notifier's per-address signup limit
     *                     applies to visitors rather than to this server
     * @param language     the page's language, for the notifier's reasons in plain words
     * @return the id, status and manage token
     */
    @Post(value = "/api/subscriptions", processes = MediaType.APPLICATION_JSON)
    SubscriptionCreated subscribe(@Body SubscriptionRequest request,
            @Nullable @Header("X-Forwarded-For") String forwardedFor,
            @Nullable @Header(HttpHeaders.ACCEPT_LANGUAGE) String language);

    /**
     * The channels a visitor may subscribe to, and whether this server can send to each.
     *
     * @param language the reader's language, for the reasons in plain words
     * @return the channels in the order a form offers them
     */
    @Get("/api/channels")
    List<ChannelAvailability> channels(@Nullable @Header(HttpHeaders.ACCEPT_LANGUAGE) String language);
}
