package dev.policywatch.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the sinks received: one entry per accepted email or webhook POST, with the changeIds it names.
 * Email parts are decoded (base64, quoted-printable) before searching, so an id split by a soft line
 * break is still found.
 */
record Received(String file, Set<String> changeIds, String text) {

    private static final Pattern CHANGE_ID = Pattern.compile("c-[0-9a-f]{20}");
    private static final Pattern PART = Pattern.compile(
            "(?is)Content-Transfer-Encoding:\\s*(base64|quoted-printable)[ \\t]*\\r?\\n(?:[^\\r\\n]+\\r?\\n)*\\r?\\n(.*?)(?=\\r?\\n--|\\z)");

    /** Every complete file in the folder, in name order. */
    static List<Received> read(Path folder, String suffix) {
        List<Received> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList()) {
                String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                String text = suffix.endsWith(".eml") ? decodeMail(raw) : new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                Set<String> ids = new LinkedHashSet<>();
                Matcher m = CHANGE_ID.matcher(text);
                while (m.find()) {
                    ids.add(m.group());
                }
                all.add(new Received(file.getFileName().toString(), ids, text));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + folder, e);
        }
        return all;
    }

    /** The raw message followed by the decoded text of its encoded parts. */
    static String decodeMail(String raw) {
        StringBuilder text = new StringBuilder(raw);
        Matcher m = PART.matcher(raw);
        while (m.find()) {
            String body = m.group(2);
            byte[] bytes;
            if (m.group(1).equalsIgnoreCase("base64")) {
                bytes = base64(body);
            } else {
                bytes = quotedPrintable(body);
            }
            text.append("\n").append(new String(bytes, StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    /** The base64 body of a part; a stretch the pattern over-captured (a boundary, a header) is cut off. */
    private static byte[] base64(String body) {
        StringBuilder clean = new StringBuilder();
        for (String line : body.split("\\r?\\n")) {
            if (!line.matches("[A-Za-z0-9+/=]+")) {
                break;
            }
            clean.append(line);
        }
        int usable = clean.length() - clean.length() % 4;
        try {
            return Base64.getDecoder().decode(clean.substring(0, usable));
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static byte[] quotedPrintable(String body) {
        String joined = body.replaceAll("=\\r?\\n", "");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '=' && i + 2 < joined.length() + 0 && i + 2 <= joined.length() - 1
                    && isHex(joined.charAt(i + 1)) && isHex(joined.charAt(i + 2))) {
                out.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write((byte) c);
            }
        }
        return out.toByteArray();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
