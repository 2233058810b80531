package dev.policywatch.crawler.render;

import java.util.List;

/**
 * A rendered page.
 *
 * @param html     the DOM after the load event and the settle time ({@code outerHTML} of the document element)
 * @param requests requests the page made besides itself (answered, refused or skipped)
 * @param refused  the page's requests the crawler refused (address rule, robots.txt, method, limits), each
 *                 {@code URL: reason}; skipped kinds (images, fonts, style sheets, media) are not listed
 */
public record Rendered(String html, int requests, List<String> refused) {

    public Rendered {
        refused = List.copyOf(refused);
    }
}
