package dev.policywatch.crawler.check;

import dev.policywatch.crawler.CrawlerSettings;
import dev.policywatch.crawler.discover.AttachmentLinks;
import dev.policywatch.crawler.render.BrowserPool;
import dev.policywatch.crawler.render.RenderSettings;
import dev.policywatch.crawler.source.Source;
import dev.policywatch.crawler.source.SourcesFile;
import dev.policywatch.crawler.source.SourcesFileException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code sources check FILE [--only ID]}: validates a sources file, then fetches each source once
 * without publishing ({@link SourceChecker}) and prints one block per source — what it found, or
 * why not. Exit 0 when every source could be read, 1 when some could not, 2 when the file itself is
 * missing or invalid (its problems are printed, each naming the entry and field).
 */
public final class SourcesCheckCommand {

    public static final int OK = 0;
    public static final int SOME_FAILED = 1;
    public static final int BAD_FILE = 2;
    static final String USAGE = "usage: sources check FILE [--only SOURCE_ID]";

    private SourcesCheckCommand() {
    }

    /** Runs with the crawler's default settings (per-host delay, caps, user agent, browser). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, CrawlerSettings.defaults(), RenderSettings.defaults());
    }

    public static int run(String[] args, PrintStream out, PrintStream err, CrawlerSettings settings,
            RenderSettings render) {
        if (args.length < 2 || !args[0].equals("check")) {
            err.println("sources: " + USAGE);
            return BAD_FILE;
        }
        String only = null;
        if (args.length == 4 && args[2].equals("--only")) {
            only = args[3];
        } else if (args.length != 2) {
            err.println("sources: " + USAGE);
            return BAD_FILE;
        }
        List<Source> sources;
        try {
            sources = SourcesFile.parse(Files.readString(Path.of(args[1]), StandardCharsets.UTF_8), args[1]);
        } catch (NoSuchFileException e) {
            err.println("sources: no such file: " + args[1]);
            return BAD_FILE;
        } catch (IOException e) {
            err.println("sources: cannot read " + args[1] + ": " + e.getMessage());
            return BAD_FILE;
        } catch (SourcesFileException e) {
            err.println("sources: " + e.getMessage());
            return BAD_FILE;
        }
        String wanted = only;
        List<Source> selected = wanted == null ? sources : sources.stream().filter(s -> s.id().equals(wanted)).toList();
        if (selected.isEmpty()) {
            err.println("sources: no source " + only + " in " + args[1]);
            return BAD_FILE;
        }
        int failed = 0;
        try (BrowserPool browsers = new BrowserPool(render)) {
            SourceChecker checker = new SourceChecker(settings, browsers);
            for (Source source : selected) {
                SourceChecker.Report r = checker.check(source);
                print(r, source, out);
                failed += r.ok() ? 0 : 1;
            }
        }
        out.println();
        out.println((selected.size() - failed) + " of " + selected.size() + " sources readable");
        out.flush();
        return failed == 0 ? OK : SOME_FAILED;
    }

    static void print(SourceChecker.Report r, Source source, PrintStream out) {
        out.println((r.ok() ? "OK    " : "FAIL  ") + r.sourceId() + " (" + r.kind() + ") " + source.url());
        if (r.httpStatus() > 0) {
            out.println("      HTTP " + r.httpStatus());
        }
        if (source.kind().isIndex()) {
            out.println("      links: " + r.links() + (r.document() == null ? "" : ", first: " + r.document()));
        }
        if (r.title() != null) {
            out.println("      title: " + r.title());
        }
        if (r.contentType() != null) {
            out.println("      format: " + r.contentType() + ", provisions: " + r.provisions());
        }
        if (!r.attachments().isEmpty()) {
            out.println("      attachments: " + r.attachments().size());
            for (AttachmentLinks.Attachment a : r.attachments()) {
                out.println("        - " + a.title() + " <" + a.url() + ">");
            }
        }
        if (r.problem() != null) {
            out.println("      problem: " + r.problem());
        }
    }
}
