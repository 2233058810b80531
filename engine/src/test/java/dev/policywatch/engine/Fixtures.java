package dev.policywatch.engine;

import dev.policywatch.engine.extract.ExtractOptions;
import dev.policywatch.engine.extract.ExtractedDocument;
import dev.policywatch.engine.extract.Extractor;
import dev.policywatch.events.Block;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test fixtures: our own sample documents in src/test/resources/fixtures. */
public final class Fixtures {

    private Fixtures() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalArgumentException("no fixture " + name, e);
        }
    }

    public static ExtractedDocument extract(String name) {
        return new Extractor().extract(bytes(name), null, name, ExtractOptions.NONE);
    }

    /** Markdown-ish lines to blocks: "# x" is a heading, everything else a paragraph. */
    public static List<Block> blocks(String... lines) {
        List<Block> out = new ArrayList<>();
        for (String line : lines) {
            int level = 0;
            while (level < line.length() && line.charAt(level) == '#') {
                level++;
            }
            out.add(level > 0 ? Block.heading(level, line.substring(level).strip()) : Block.paragraph(line));
        }
        return out;
    }
}
