package dev.policywatch.support;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /openapi.yml} (public): the OpenAPI 3 document of the HTTP API this process serves, so users
 * can generate clients. A service run alone serves the document its build generated; the standalone, which
 * has every service on its classpath, serves them merged into one ({@link OpenApiMerger}). Every error
 * response is problem+json ({@link ProblemResponses}). Built on the first request and kept: the documents
 * are fixed at build time.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public final class OpenApiController {

    /** The media type served ({@code application/yaml}, RFC 9512). */
    public static final String APPLICATION_YAML = "application/yaml";

    private static final Logger LOG = LoggerFactory.getLogger(OpenApiController.class);

    private volatile String document;

    @Get("/openapi.yml")
    @Produces(APPLICATION_YAML)
    public HttpResponse<String> openApi() {
        String body = document;
        if (body == null) {
            body = build();
            document = body;
        }
        return HttpResponse.ok(body).contentType(MediaType.of(APPLICATION_YAML + ";charset=utf-8"));
    }

    private static String build() {
        List<OpenApiMerger.Source> sources = OpenApiDocuments.find(OpenApiController.class.getClassLoader());
        if (sources.isEmpty()) {
            throw Problem.notFound("no OpenAPI document is on this process's classpath ("
                    + OpenApiDocuments.FOLDER + "/policywatch-*.yml)");
        }
        OpenApiMerger.Result result = OpenApiMerger.merge(info(), sources);
        for (String conflict : result.conflicts()) {
            LOG.warn("OpenAPI documents disagree: {}", conflict);
        }
        LOG.info("Serving /openapi.yml from {}", sources.stream().map(OpenApiMerger.Source::name).toList());
        return ProblemResponses.declare(result.yaml());
    }

    /** The {@code info} of the merged document; its version is the services' (see {@link OpenApiMerger}). */
    static Map<String, Object> info() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("title", "policywatch");
        info.put("description", "The HTTP API of policywatch, which reports which provisions of watched documents"
                + " changed: the crawler (sources and their status), the history (documents, versions, diffs,"
                + " changes and the Atom feed) and the notifier (subscriptions). Errors are"
                + " application/problem+json. Admin endpoints take Authorization: Bearer <admin token>"
                + " (policywatch.admin-token); reads are public unless policywatch.read-token is set.");
        return info;
    }
}
