package dev.policywatch.crawler.discover;

import dev.policywatch.engine.extract.Charsets;
import dev.policywatch.engine.extract.TextNormaliser;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Selector;

/**
 * Finds the attached files (附件) a page links to (pure: bytes in, links out): {@code a[href]}
 * whose path ends in {@code .pdf}, {@code .doc}, {@code .docx}, {@code .wps} or {@code .ofd}, or
 * whose query names such a file ({@code download.jsp?file=附件1.docx}), or whose link text or
 * {@code title} names one while the URL names none (TC260's {@code /sysFile/downloadFile/<id>}
 * links read {@code 《…》标准征求意见稿文本.pdf}). The page's navigation,
 * headers, footers and the source's {@code exclude} selectors are ignored, so a site-wide "download
 * the app" link is not an attachment. Links are canonicalised ({@link CanonicalUrls}), deduplicated, kept in
 * document order and capped; the page itself is never its own attachment.
 *
 * <p>The title of an attachment is its link text ({@code 附件1：示例办法.docx} gives
 * {@code 附件1：示例办法}), else its {@code title} attribute, else its file name. Which format the
 * file really is gets decided by its bytes when it is read, not here. Thread-safe.
 */
public final class AttachmentLinks {

    /** One attachment: where it is and what the page calls it. */
    public record Attachment(URI url, String title) {
    }

    private static final Pattern FILE = Pattern.compile("(?i)\\.(pdf|docx?|wps|ofd)$");
    private static final Pattern FILE_IN_QUERY = Pattern.compile("(?i)[=/]([^=&/]+\\.(pdf|docx?|wps|ofd))(&|$)");
    private static final String NOISE = "script, style, nav, header, footer, noscript, template";

    /**
     * @param body    the page's bytes (HTML)
     * @param contentType the Content-Type header, may be null
     * @param base    the page's final URL, to resolve relative links
     * @param exclude the source's exclude selectors
     * @param max     the most attachments returned
     */
    public List<Attachment> find(byte[] body, String contentType, URI base, List<String> exclude, int max) {
        if (max <= 0) {
            return List.of();
        }
        String html = Charsets.decode(body, Charsets.detect(body, contentType, true));
        Document doc = Jsoup.parse(html, base == null ? "" : base.toString());
        doc.select(NOISE).remove();
        for (String selector : exclude) {
            try {
                doc.select(selector).remove();
            } catch (Selector.SelectorParseException e) {
                // validated when the sources file was read; a selector jsoup rejects here drops nothing
            }
        }
        URI self = base == null ? null : CanonicalUrls.canonical(base);
        Map<URI, String> found = new LinkedHashMap<>();
        for (Element a : doc.select("a[href]")) {
            URI url = CanonicalUrls.canonical(a.attr("href"), base);
            if (url == null || url.equals(self) || found.containsKey(url)) {
                continue;
            }
            String file = fileName(url);
            if (file == null) {
                file = namedInText(a);
            }
            if (file == null) {
                continue;
            }
            found.put(url, title(a, file));
            if (found.size() >= max) {
                break;
            }
        }
        List<Attachment> out = new ArrayList<>();
        found.forEach((url, title) -> out.add(new Attachment(url, title)));
        return out;
    }

    /** The file name a link's text (or title) gives, when it ends in an attachment format, else null. */
    static String namedInText(Element a) {
        for (String text : List.of(TextNormaliser.clean(a.text()), TextNormaliser.clean(a.attr("title")))) {
            if (!text.isEmpty() && text.length() <= 300 && FILE.matcher(text).find()) {
                return text;
            }
        }
        return null;
    }

    /** The attached file's name when the URL names a file of an attachment format, else null. */
    static String fileName(URI url) {
        String path = url.getPath() == null ? "" : url.getPath();
        if (FILE.matcher(path).find()) {
            return path.substring(path.lastIndexOf('/') + 1);
        }
        String query = url.getQuery();
        if (query != null) {
            Matcher m = FILE_IN_QUERY.matcher(query);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    private static String title(Element a, String file) {
        String text = TextNormaliser.clean(a.text());
        if (text.isEmpty()) {
            text = TextNormaliser.clean(a.attr("title"));
        }
        if (text.isEmpty()) {
            text = file;
        }
        // "附件1：示例办法.docx" → "附件1：示例办法": the format is no part of the name
        String stripped = FILE.matcher(text.toLowerCase(Locale.ROOT)).find()
                ? text.substring(0, text.lastIndexOf('.')).strip() : text;
        String title = stripped.isEmpty() ? text : stripped;
        return title.length() > 300 ? title.substring(0, 300) : title;
    }
}
