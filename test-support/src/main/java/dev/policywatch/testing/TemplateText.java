package dev.policywatch.testing;

import dev.policywatch.events.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * What the tests of a module with Thymeleaf pages check of its templates and message bundles, so that
 * no interface string escapes translation:
 * <ul>
 * <li>{@link #literals(Path)}: text and human-facing attributes ({@code title}, {@code placeholder},
 * {@code aria-label}, {@code alt}, a button's {@code value}) written in the template instead of coming
 * from {@code #{key}} or a model value. Text inside an element whose content Thymeleaf replaces
 * ({@code th:text}, {@code th:utext}, {@code th:replace}, {@code th:insert}) is a placeholder and is
 * ignored; so is text without a letter (punctuation, arrows) and the {@link #ALLOWED} words.</li>
 * <li>{@link #messageKeys(Path)}: the literal keys of {@code #{…}} expressions, to check each exists.</li>
 * <li>{@link #bundleProblems(String)}: both languages have the same keys and placeholders; no ASCII
 * apostrophe (it quotes in Micronaut's placeholders); a Chinese text identical to the English one
 * only where it holds no Latin word ({@code {0}}, {@code HTTP}, names listed in {@code same}).</li>
 * </ul>
 */
public final class TemplateText {

    /** Words that are the same in every language: the product's name. */
    public static final Set<String> ALLOWED = Set.of("policywatch");

    private static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert",
            "data-th-text", "data-th-utext", "data-th-replace", "data-th-insert");
    private static final Set<String> HUMAN_ATTRIBUTES = Set.of("title", "placeholder", "aria-label", "alt",
            "aria-description", "aria-placeholder", "aria-roledescription", "label");
    private static final Pattern MESSAGE = Pattern.compile("#\\{([^}$(]+)[}(]");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");
    private static final Pattern LATIN_WORD = Pattern.compile("\\b[A-Za-z]{2,}\\b");

    private TemplateText() {
    }

    /** The templates (*.html) under a folder, sorted. */
    public static List<Path> templates(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each literal interface string of a template, as "file: where: text". Empty when it is clean. */
    public static List<String> literals(Path template) {
        Document doc = parse(template);
        List<String> found = new ArrayList<>();
        walk(doc, template.getFileName().toString(), found);
        return found;
    }

    private static void walk(Element element, String file, List<String> found) {
        for (Attribute a : element.attributes()) {
            String name = a.getKey().toLowerCase(java.util.Locale.ROOT);
            boolean human = HUMAN_ATTRIBUTES.contains(name) || name.equals("value") && isButton(element);
            if (human && hasLetters(a.getValue()) && !dynamic(element, name)) {
                found.add(file + ": <" + element.tagName() + " " + name + ">: " + a.getValue().strip());
            }
        }
        if (element.attributes().asList().stream().anyMatch(a -> REPLACING.contains(a.getKey().toLowerCase(java.util.Locale.ROOT)))) {
            return; // its content is a placeholder, replaced when rendered
        }
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode text) {
                String t = text.text().strip();
                if (hasLetters(t) && !ALLOWED.contains(t)) {
                    found.add(file + ": <" + element.tagName() + ">: " + t);
                }
            } else if (child instanceof Element e) {
                walk(e, file, found);
            }
        }
    }

    /** Whether the attribute is set by Thymeleaf ({@code th:title}, or {@code th:attr="title=…"}). */
    private static boolean dynamic(Element element, String name) {
        if (element.hasAttr("th:" + name) || element.hasAttr("data-th-" + name)) {
            return true;
        }
        String attr = element.attr("th:attr");
        return Pattern.compile("(^|,)\\s*" + Pattern.quote(name) + "\\s*=").matcher(attr).find();
    }

    private static boolean isButton(Element element) {
        String type = element.attr("type").toLowerCase(java.util.Locale.ROOT);
        return element.tagName().equals("input") && (type.equals("submit") || type.equals("button") || type.equals("reset"));
    }

    private static boolean hasLetters(String s) {
        return s != null && s.codePoints().anyMatch(Character::isLetter);
    }

    /** The literal keys of the template's {@code #{key}} and {@code #{key(args)}} expressions. */
    public static Set<String> messageKeys(Path template) {
        Set<String> keys = new TreeSet<>();
        Document doc = parse(template);
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                if (a.getKey().startsWith("th:") || a.getKey().startsWith("data-th-")) {
                    Matcher m = MESSAGE.matcher(a.getValue());
                    while (m.find()) {
                        keys.add(m.group(1).strip());
                    }
                }
            }
        }
        return keys;
    }

    /** A bundle's texts in one language ({@code <base>_<locale>.properties} on the classpath). */
    public static Map<String, String> bundle(String baseName, Language language) {
        String resource = baseName + "_" + language.locale() + ".properties";
        Properties p = new Properties();
        try (InputStream in = TemplateText.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no bundle " + resource + " on the classpath");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> texts = new TreeMap<>();
        p.forEach((k, v) -> texts.put(k.toString(), v.toString()));
        return texts;
    }

    /**
     * What is wrong with a bundle: keys of one language missing in the other, placeholders that differ,
     * ASCII apostrophes, Chinese texts left in English. {@code same}: keys whose text is rightly the same.
     */
    public static List<String> bundleProblems(String baseName, Set<String> same) {
        Map<String, String> en = bundle(baseName, Language.EN);
        Map<String, String> zh = bundle(baseName, Language.ZH_CN);
        List<String> problems = new ArrayList<>();
        for (String key : en.keySet()) {
            if (!zh.containsKey(key)) {
                problems.add(key + ": missing in zh-CN");
            }
        }
        for (String key : zh.keySet()) {
            if (!en.containsKey(key)) {
                problems.add(key + ": missing in en");
            }
        }
        for (Language language : Language.values()) {
            Map<String, String> texts = language == Language.EN ? en : zh;
            texts.forEach((key, text) -> {
                if (text.indexOf('\'') >= 0) {
                    problems.add(key + " (" + language.tag() + "): an ASCII apostrophe quotes; write ’");
                }
            });
        }
        for (String key : en.keySet()) {
            String e = en.get(key);
            String z = zh.get(key);
            if (z == null) {
                continue;
            }
            if (!placeholders(e).equals(placeholders(z))) {
                problems.add(key + ": placeholders differ: " + placeholders(e) + " vs " + placeholders(z));
            }
            if (e.equals(z) && !same.contains(key) && LATIN_WORD.matcher(PLACEHOLDER.matcher(e).replaceAll(""))
                    .results().anyMatch(w -> !w.group().equals("HTTP") && !ALLOWED.contains(w.group()))) {
                problems.add(key + ": zh-CN is the English text \"" + e + "\"");
            }
        }
        return problems;
    }

    /**
     * The English interface strings left in a text meant to be Chinese: each English text of the
     * bundle (split at its placeholders) that holds a Latin word of three letters or more, that the
     * Chinese text does not share, and that occurs in {@code text} as whole words. Give it the page's
     * text without its content (crawled text is marked with a {@code lang} of its own).
     */
    public static List<String> englishLeft(String text, Map<String, String> en, Map<String, String> zh) {
        Set<String> left = new TreeSet<>();
        for (Map.Entry<String, String> e : en.entrySet()) {
            String chinese = zh.getOrDefault(e.getKey(), "");
            for (String fragment : PLACEHOLDER.split(e.getValue())) {
                String f = fragment.strip().replaceAll("^[\\p{Punct}\\s·…←→]+|[\\p{Punct}\\s·…←→]+$", "");
                if (!Pattern.compile("[A-Za-z]{3,}").matcher(f).find() || chinese.contains(f) || ALLOWED.contains(f)) {
                    continue;
                }
                if (Pattern.compile("(?<![A-Za-z])" + Pattern.quote(f) + "(?![A-Za-z])").matcher(text).find()) {
                    left.add(f + " (" + e.getKey() + ")");
                }
            }
        }
        return List.copyOf(left);
    }

    /**
     * A rendered page's interface text: its title, the text of its body and its human-facing attributes,
     * without the elements marked with a language other than the page's (crawled text carries the
     * document's {@code lang}; the language switch names each language in itself) and without
     * {@code <code>} (ids).
     */
    public static String interfaceText(Document page) {
        Document copy = page.clone();
        String pageLang = copy.selectFirst("html") == null ? "" : copy.selectFirst("html").attr("lang");
        String primary = pageLang.contains("-") ? pageLang.substring(0, pageLang.indexOf('-')) : pageLang;
        copy.body().select("[lang]").stream()
                .filter(e -> !e.attr("lang").equals(pageLang) && !e.attr("lang").startsWith(primary + "-")
                        && !e.attr("lang").equals(primary))
                .forEach(Element::remove);
        copy.body().select("code").remove(); // ids and versions: machine text, the same in every language
        StringBuilder text = new StringBuilder(copy.title()).append('\n').append(copy.body().text());
        for (Element e : copy.body().getAllElements()) {
            for (String name : HUMAN_ATTRIBUTES) {
                if (e.hasAttr(name)) {
                    text.append('\n').append(e.attr(name));
                }
            }
            if (isButton(e)) {
                text.append('\n').append(e.attr("value"));
            }
        }
        return text.toString();
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Document parse(Path template) {
        try {
            return Jsoup.parse(Files.readString(template), "", Parser.htmlParser());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
