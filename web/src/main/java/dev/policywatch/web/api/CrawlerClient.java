package dev.policywatch.web.api;

import dev.policywatch.api.sources.SourceStatus;
import dev.policywatch.support.Problem;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.client.annotation.Client;
import java.util.List;

/** The crawler's API (CONTRACT §4). {@code policywatch.web.crawler-url}, or this server when unset. */
@PolicywatchApi
@Client(value = "${policywatch.web.crawler-url:/}", configuration = ApiClientConfiguration.class,
        errorType = Problem.ProblemBody.class)
@Header(name = HttpHeaders.ACCEPT, value = MediaType.APPLICATION_JSON)
interface CrawlerClient {

    @Get("/api/sources")
    List<SourceStatus> sources();
}
