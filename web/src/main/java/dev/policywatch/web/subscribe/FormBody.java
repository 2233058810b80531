package dev.policywatch.web.subscribe;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses an {@code application/x-www-form-urlencoded} body, keeping repeated fields (checkboxes) in order. */
final class FormBody {

    /** Larger than any honest subscribe form. */
    static final int MAX_LENGTH = 64 * 1024;

    private FormBody() {
    }

    static Map<String, List<String>> parse(String body) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return fields;
        }
        if (body.length() > MAX_LENGTH) {
            throw new SubscribeForm.Invalid("subscribe.invalid.tooLarge", MAX_LENGTH / 1024);
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return fields;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new SubscribeForm.Invalid("subscribe.invalid.encoding");
        }
    }
}
