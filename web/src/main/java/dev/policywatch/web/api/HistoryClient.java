package dev.policywatch.web.api;

import dev.policywatch.api.history.ChangePage;
import dev.policywatch.api.history.DocumentDetail;
import dev.policywatch.api.history.DocumentDiff;
import dev.policywatch.api.history.VersionText;
import dev.policywatch.api.history.VersionList;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.support.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.annotation.Client;

/**
 * The history API of diff-service (CONTRACT §4), declared over the records of module {@code api}.
 * {@code policywatch.web.history-url}, or this server when unset.
 */
@PolicywatchApi
@Client(value = "${policywatch.web.history-url:/}", configuration = ApiClientConfiguration.class,
        errorType = Problem.ProblemBody.class)
@Header(name = HttpHeaders.ACCEPT, value = MediaType.APPLICATION_JSON)
interface HistoryClient {

    @Get("/api/changes{?source,jurisdiction,kind,type,q,significance,fact,limit,cursor}")
    ChangePage changes(@Nullable @QueryValue String source, @Nullable @QueryValue String jurisdiction,
            @Nullable @QueryValue String kind, @Nullable @QueryValue String type, @Nullable @QueryValue String q,
            @Nullable @QueryValue String significance, @Nullable @QueryValue String fact, @QueryValue int limit,
            @Nullable @QueryValue String cursor);

    @Get("/api/changes/{changeId}")
    DocumentChange change(@PathVariable String changeId);

    @Get("/api/documents/{documentId}")
    DocumentDetail document(@PathVariable String documentId);

    @Get("/api/documents/{documentId}/versions")
    VersionList versions(@PathVariable String documentId);

    @Get("/api/documents/{documentId}/versions/{versionId}")
    VersionText version(@PathVariable String documentId, @PathVariable String versionId);

    @Get("/api/documents/{documentId}/diff{?from,to,fromDocument}")
    DocumentDiff diff(@PathVariable String documentId, @QueryValue String from, @QueryValue String to,
            @QueryValue String fromDocument);
}
