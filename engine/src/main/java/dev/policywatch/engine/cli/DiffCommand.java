package dev.policywatch.engine.cli;

import dev.policywatch.engine.Engine;
import dev.policywatch.engine.diff.DiffResult;
import dev.policywatch.engine.extract.ExtractOptions;
import dev.policywatch.engine.extract.ExtractedDocument;
import dev.policywatch.engine.extract.ExtractionException;
import dev.policywatch.engine.extract.Extractor;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.DiffOp;
import dev.policywatch.events.EventJson;
import dev.policywatch.events.ProvisionChange;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code diff OLD NEW [--format text|json]}: compares two versions of a document given as files
 * ({@code .html}/{@code .htm}, {@code .pdf}, {@code .md}, {@code .txt}) with the same extraction and
 * engine as the services.
 *
 * <p>{@code text} (default): a summary line, then each change with its labels and an inline diff in
 * which deletions read {@code [-so-]} and insertions {@code {+so+}} when writing to a file or pipe, and
 * in red and green without markers when writing to a terminal. The summary line adds the substantive
 * and editorial counts and is followed by the headline; each change shows "[editorial: kinds]" when it
 * is editorial and its note. Renumbered provisions whose text is unchanged are told in one line (one
 * whose cross-reference followed the renumbering is shown with that reference changing); a provision's printed text is capped at {@value #MAX_PRINTED_CHARS} characters, with a note. {@code json}: one object {@code {"changes":[...],"structureChanges":[...],"summary":{...}}}.
 * Standard output carries the result alone. Exit 0 when compared (changes or none), 2 with a
 * one-line message on standard error for a missing, unreadable or unsupported file or bad usage.
 */
public final class DiffCommand {

    /** Exit status when the files were compared, whether or not they differ. */
    public static final int OK = 0;
    /** Exit status for bad usage or a missing, unreadable or unsupported file. */
    public static final int FAILED = 2;
    /** Exit status for a failure at run time: the documents did not fit in the JVM's memory. */
    public static final int RUNTIME_FAILURE = 1;

    private static final String USAGE = "usage: diff OLD NEW [--format text|json]";
    /** The text of one provision printed at most (a one-paragraph 20 MB file would flood the terminal). */
    static final int MAX_PRINTED_CHARS = 4_000;
    private static final int MAX_RENUMBERINGS_LISTED = 6;
    private static final String RED = "\u001B[31m";
    private static final String GREEN = "\u001B[32m";
    private static final String BOLD = "\u001B[1m";
    private static final String STRIKE = "\u001B[9m";
    private static final String RESET = "\u001B[0m";

    private DiffCommand() {
    }

    /** Runs from the engine jar: {@code java -cp engine.jar dev.policywatch.engine.cli.DiffCommand OLD NEW}. */
    public static void main(String[] args) {
        // Java 17 writes '?' for Chinese when the locale is not UTF-8: write UTF-8 bytes ourselves
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status = run(args, out, err, terminal());
        out.flush();
        System.exit(status);
    }

    /** Whether standard output is a terminal that takes colour (not redirected, no NO_COLOR, TERM not dumb). */
    public static boolean terminal() {
        return System.console() != null && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
    }

    /** Runs the command without colour; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, false);
    }

    /**
     * Runs the command; returns the exit status. {@code args} may start with the word {@code diff}.
     *
     * @param colour whether to add ANSI colours (only when standard output is a terminal)
     */
    public static int run(String[] args, PrintStream out, PrintStream err, boolean colour) {
        List<String> files = new ArrayList<>();
        String format = "text";
        for (int k = 0; k < args.length; k++) {
            String a = args[k];
            if (k == 0 && a.equals("diff")) {
                continue;
            }
            if (a.equals("--format")) {
                if (k + 1 >= args.length) {
                    return fail(err, "--format needs a value (text or json); " + USAGE);
                }
                format = args[++k];
            } else if (a.startsWith("--format=")) {
                format = a.substring("--format=".length());
            } else if (a.equals("--help") || a.equals("-h")) {
                out.println(USAGE);
                return OK;
            } else if (a.startsWith("--")) {
                return fail(err, "unknown option " + a + "; " + USAGE);
            } else {
                files.add(a);
            }
        }
        if (!format.equals("text") && !format.equals("json")) {
            return fail(err, "unknown format '" + format + "' (text or json); " + USAGE);
        }
        if (files.size() != 2) {
            return fail(err, "expected two files, got " + files.size() + "; " + USAGE);
        }
        DiffResult result;
        try {
            result = compare(files.get(0), files.get(1));
        } catch (CommandException e) {
            return fail(err, e.getMessage());
        } catch (OutOfMemoryError e) {
            // what was allocated is unreachable by now: there is room for one line, not for a stack trace
            long mb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
            err.println("diff: the documents are too large to compare in this JVM's " + mb
                    + " MB of memory; give it more: java -Xmx4g -jar policywatch.jar diff OLD NEW");
            err.flush();
            return RUNTIME_FAILURE;
        }
        if (format.equals("json")) {
            out.println(EventJson.writeString(result));
        } else {
            printText(result, out, colour);
        }
        out.flush();
        return OK;
    }

    private static DiffResult compare(String oldFile, String newFile) {
        Engine engine = new Engine();
        ExtractedDocument oldDoc = read(engine, oldFile);
        ExtractedDocument newDoc = read(engine, newFile);
        return engine.compare(oldDoc, newDoc);
    }

    private static ExtractedDocument read(Engine engine, String name) {
        if (name.isBlank()) {
            throw new CommandException("an empty file name was given; " + USAGE);
        }
        Path path = Path.of(name);
        // what the path is comes first: a missing file or a directory is said so, whatever its name ends with
        if (!Files.exists(path)) {
            throw new CommandException("no such file: " + name);
        }
        if (Files.isDirectory(path)) {
            throw new CommandException("not a file: " + name + " is a directory");
        }
        if (!Files.isRegularFile(path)) {
            // a device or a pipe (/dev/zero, <(...)) may never end: refused rather than read without bound
            throw new CommandException("not a file: " + name + " is a device or a pipe, not a regular file");
        }
        if (Extractor.byExtension(name) == null) {
            throw new CommandException("unsupported file type: " + name + " (use .html, .htm, .pdf, .md, .txt, .docx, .doc, .wps or .ofd)");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new CommandException("no such file: " + name);
        } catch (AccessDeniedException e) {
            throw new CommandException("cannot read " + name + ": permission denied");
        } catch (IOException | OutOfMemoryError e) {
            throw new CommandException("cannot read " + name + ": " + e.getMessage());
        }
        try {
            return engine.extract(bytes, null, name, ExtractOptions.NONE);
        } catch (ExtractionException e) {
            throw new CommandException("cannot read " + name + ": " + e.getMessage());
        }
    }

    private static int fail(PrintStream err, String message) {
        err.println("diff: " + message.replace('\n', ' '));
        err.flush();
        return FAILED;
    }

    static void printText(DiffResult result, PrintStream out, boolean colour) {
        out.println(result.summary().describe() + ", " + result.summary().unchanged() + " unchanged"
                + meaningCounts(result));
        if (result.summary().headline() != null) {
            out.println(result.summary().headline());
        }
        printChanges(result.changes(), out, colour);
        if (!result.structureChanges().isEmpty()) {
            out.println();
            out.println("Structure (title, preamble, headings):");
            printChanges(result.structureChanges(), out, colour);
        }
    }

    /** Each change in order, except that renumbered provisions (text unchanged) are told once, in one line. */
    private static void printChanges(List<ProvisionChange> changes, PrintStream out, boolean colour) {
        List<ProvisionChange> renumbered = new ArrayList<>();
        for (ProvisionChange c : changes) {
            if (c.type() == ChangeType.RENUMBERED && c.diff().isEmpty()) {
                renumbered.add(c);
            } else {
                printChange(c, out, colour);
            }
        }
        if (!renumbered.isEmpty()) {
            out.println();
            String head = "RENUMBERED " + renumbered.size() + (renumbered.size() == 1 ? " provision" : " provisions")
                    + " (text unchanged)";
            out.println((colour ? BOLD + head + RESET : head) + ": " + renumberings(renumbered));
        }
    }

    /** "第三条 → 第四条, 第四条 → 第五条, … 第九条 → 第十条" — the first few and the last. */
    static String renumberings(List<ProvisionChange> renumbered) {
        List<String> pairs = new ArrayList<>();
        for (ProvisionChange c : renumbered) {
            pairs.add(c.oldLabel() + " → " + c.newLabel());
        }
        if (pairs.size() <= MAX_RENUMBERINGS_LISTED) {
            return String.join(", ", pairs);
        }
        return String.join(", ", pairs.subList(0, MAX_RENUMBERINGS_LISTED - 1)) + ", … ("
                + (pairs.size() - MAX_RENUMBERINGS_LISTED) + " more) … " + pairs.get(pairs.size() - 1);
    }

    private static void printChange(ProvisionChange c, PrintStream out, boolean colour) {
        out.println();
        String head = c.type() + " " + c.displayLabel();
        if (c.type() == ChangeType.MODIFIED) {
            head += " (similarity " + similarity(c.similarity()) + ")";
        }
        if (c.editorial()) {
            head += " [editorial" + (c.editorialKinds().isEmpty() ? "" : ": " + String.join(", ",
                    c.editorialKinds().stream().map(k -> k.name().toLowerCase(java.util.Locale.ROOT)).toList())) + "]";
        }
        out.println(colour ? BOLD + head + RESET : head);
        if (c.note() != null && !c.note().isBlank()) {
            out.println("  = " + c.note());
        }
        List<DiffOp> ops = switch (c.type()) {
            case ADDED -> List.of(DiffOp.insert(c.newText()));
            case REMOVED -> List.of(DiffOp.delete(c.oldText()));
            // a renumbered provision printed alone is one whose cross-reference followed: its diff shows it
            case MODIFIED, RENUMBERED -> c.diff();
        };
        StringBuilder sb = new StringBuilder();
        int total = 0;
        for (DiffOp op : ops) {
            total += op.text().length();
        }
        int room = MAX_PRINTED_CHARS;
        for (DiffOp op : ops) {
            if (room <= 0) {
                break;
            }
            String text = op.text().length() > room ? op.text().substring(0, room) + "…" : op.text();
            room -= op.text().length();
            sb.append(mark(new DiffOp(op.op(), text), colour));
        }
        if (!ops.isEmpty()) {
            out.println(indent(sb.toString()));
        }
        if (total > MAX_PRINTED_CHARS) {
            out.println(String.format(java.util.Locale.ROOT,
                    "  (cut: %,d of this provision's %,d characters printed; --format json has them all)",
                    MAX_PRINTED_CHARS, total));
        }
    }

    /**
     * Two decimals, rounded down: a MODIFIED provision is never "1.00" similar (a one-character change in
     * a long article would otherwise round up to identity) — it reads {@code >0.99} instead.
     */
    static String similarity(double s) {
        double floor = Math.floor(s * 100) / 100;
        return floor >= 1.0 ? ">0.99" : String.format(java.util.Locale.ROOT, "%.2f", floor);
    }

    /** "; 3 substantive, 65 editorial" when the meaning was computed, else nothing. */
    private static String meaningCounts(DiffResult result) {
        int s = result.summary().substantive();
        int e = result.summary().editorial();
        return s + e == 0 ? "" : "; " + s + " substantive, " + e + " editorial";
    }

    private static String mark(DiffOp op, boolean colour) {
        return switch (op.op()) {
            case EQUAL -> op.text();
            // on a terminal colour says it (struck-through red, green); markers are for files and pipes
            case DELETE -> colour ? RED + STRIKE + op.text() + RESET : "[-" + op.text() + "-]";
            case INSERT -> colour ? GREEN + op.text() + RESET : "{+" + op.text() + "+}";
        };
    }

    private static String indent(String text) {
        return "  " + text.replace("\n", "\n  ");
    }

    /** A failure that ends the command with status 2 and a one-line message. */
    private static final class CommandException extends RuntimeException {
        CommandException(String message) {
            super(message);
        }
    }
}
