package dev.policywatch.web.api;

import dev.policywatch.api.sources.SourceStatus;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;

/** The crawler's API as the pages use it: {@code GET /api/sources}. */
@Singleton
public final class CrawlerApi {

    private final CrawlerClient client;

    CrawlerApi(CrawlerClient client) {
        this.client = client;
    }

    /** Every source with its status, by name. */
    public List<SourceStatus> sources() {
        return ApiCalls.call("crawler", "GET /api/sources", client::sources).stream()
                .sorted(Comparator.comparing(SourceStatus::sortName)).toList();
    }
}
