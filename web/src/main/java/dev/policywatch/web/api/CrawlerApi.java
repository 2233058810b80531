package dev.policywatch.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policywatch.events.EventJson;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The crawler's API: {@code GET /api/sources}. */
@Singleton
public final class CrawlerApi {

    private final ApiClient api;

    CrawlerApi(ApiClient api) {
        this.api = api;
    }

    /** Every source with its status, by name. Accepts a bare array or an object with {@code items}/{@code sources}. */
    public List<SourceStatus> sources() {
        JsonNode answer = api.get(ApiClient.Service.CRAWLER, "/api/sources", Map.of());
        JsonNode list = answer.isArray() ? answer : answer.has("sources") ? answer.get("sources") : answer.path("items");
        try {
            List<SourceStatus> sources = new ArrayList<>();
            for (JsonNode node : list) {
                sources.add(EventJson.mapper().treeToValue(node, SourceStatus.class));
            }
            sources.sort(Comparator.comparing(s -> s.displayName().toLowerCase(java.util.Locale.ROOT)));
            return sources;
        } catch (Exception e) {
            ApiClient.warnUnreadable(e);
            throw new ApiException(ApiException.Kind.UNAVAILABLE, 200, "crawler",
                    "the crawler API answered something this page cannot read", e);
        }
    }
}
