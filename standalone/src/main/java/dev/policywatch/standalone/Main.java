package dev.policywatch.standalone;

import dev.policywatch.engine.cli.DiffCommand;
import dev.policywatch.support.FatalErrors;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * The command line of {@code policywatch.jar} (CONTRACT §3): {@code run} (the default) starts the whole
 * system; {@code diff OLD NEW [--format text|json]} compares two files offline; {@code sources check FILE}
 * fetches each source once without publishing and says what it found. Standard output is UTF-8
 * whatever the locale; logs go to standard error.
 */
public final class Main {

    /** Longest a stop may take (Ctrl-C, or after a fatal error) before the process halts. */
    static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(60);

    static final String USAGE = """
            Usage:
              java -jar policywatch.jar [run] [--sources FILE] [--data-dir DIR] [--port N] [--demo] [-Dname=value ...]
              java -jar policywatch.jar diff OLD NEW [--format text|json]
              java -jar policywatch.jar sources check FILE [--only SOURCE_ID]

            run       the whole system in one process: crawler, diff-service, notifier, web UI and API,
                      on an embedded Kafka broker and PostgreSQL kept under --data-dir (default ./data).
                      Set kafka.bootstrap.servers or datasources.default.url to use external ones.
              --sources FILE   sources file (YAML, see docs); default: the bundled sources
              --data-dir DIR   where Kafka, PostgreSQL and state live (default ./data)
              --port N         HTTP port of the UI and API (default 8080)
              --demo           also serve a local demo site that changes every minute, and print alerts
              -Dname=value     any setting, e.g. -Dpolicywatch.admin-token=... (see README)
            diff      compare two versions of a document (.html .htm .pdf .md .txt .docx .doc .wps .ofd)
                      provision by provision
            sources check
                      fetch each source of FILE once, publishing nothing, and print what it found
                      (title, provisions, links, attachments) or why not; exit 1 if any failed
            """;

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.setOut(out);
        System.setErr(err);
        if (args.length > 0 && "diff".equals(args[0])) {
            out.flush();
            System.exit(DiffCommand.run(Arrays.copyOfRange(args, 1, args.length), out, err, DiffCommand.terminal()));
        }
        if (args.length > 0 && "sources".equals(args[0])) {
            out.flush();
            System.exit(dev.policywatch.crawler.check.SourcesCheckCommand.run(
                    Arrays.copyOfRange(args, 1, args.length), out, err));
        }
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help"))) {
            out.print(USAGE);
            return;
        }
        StandaloneOptions options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("policywatch: " + e.getMessage());
            err.println("Run `java -jar policywatch.jar --help` for the options.");
            System.exit(StartupException.CONFIGURATION);
            return;
        }
        run(options, out, err);
    }

    /** Parses the options of {@code run}; throws IllegalArgumentException with a one-line message. */
    static StandaloneOptions parse(String[] args) {
        StandaloneOptions options = StandaloneOptions.defaults();
        int i = 0;
        if (args.length > 0 && args[0].equals("run")) {
            i = 1;
        }
        for (; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--demo" -> options = options.withDemo(true);
                case "--data-dir" -> options = options.withDataDir(Path.of(value(args, ++i, a)));
                case "--sources" -> {
                    Path file = Path.of(value(args, ++i, a));
                    if (!Files.isRegularFile(file)) {
                        throw new IllegalArgumentException("sources file not found: " + file);
                    }
                    options = options.withSources(file);
                }
                case "--port" -> {
                    String v = value(args, ++i, a);
                    try {
                        options = options.withPort(Integer.parseInt(v));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--port needs a number, was " + v);
                    }
                }
                default -> {
                    if (a.startsWith("-D") && a.contains("=")) {
                        int eq = a.indexOf('=');
                        options = options.withProperty(a.substring(2, eq), a.substring(eq + 1));
                    } else if (a.startsWith("--") && a.contains("=")) {
                        int eq = a.indexOf('=');
                        return parse(concat(Arrays.copyOf(args, i), a.substring(0, eq), a.substring(eq + 1),
                                Arrays.copyOfRange(args, i + 1, args.length)));
                    } else {
                        throw new IllegalArgumentException("unknown argument: " + a);
                    }
                }
            }
        }
        return options;
    }

    private static String[] concat(String[] head, String a, String b, String[] tail) {
        String[] all = Arrays.copyOf(head, head.length + 2 + tail.length);
        all[head.length] = a;
        all[head.length + 1] = b;
        System.arraycopy(tail, 0, all, head.length + 2, tail.length);
        return all;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static void run(StandaloneOptions options, PrintStream out, PrintStream err) {
        // an OutOfMemoryError anywhere ends the process with status 3, so a supervisor restarts it
        FatalErrors.install(SHUTDOWN_TIMEOUT);
        Standalone system;
        try {
            system = Standalone.start(options);
        } catch (StartupException e) {
            err.println("policywatch: " + e.getMessage());
            System.exit(e.exitCode());
            return;
        } catch (IllegalArgumentException e) {
            // a setting with a bad value (a duration, a number)
            err.println("policywatch: " + rootMessage(e));
            System.exit(StartupException.CONFIGURATION);
            return;
        } catch (RuntimeException e) {
            err.println("policywatch: cannot start: " + rootMessage(e));
            System.exit(StartupException.RUNTIME);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("policywatch: stopping…");
            // a stop that hangs (a broker after an OutOfMemoryError did, for minutes) must not keep the process
            FatalErrors.haltIfStuck(SHUTDOWN_TIMEOUT, 1);
            try {
                system.close();
            } finally {
                stopped.countDown();
            }
        }, "policywatch-shutdown"));
        out.println();
        out.println("policywatch is running");
        out.println("  web UI       " + system.url() + "/");
        out.println("  API          " + system.url() + "/api/changes   (OpenAPI: " + system.url() + "/openapi.yml)");
        out.println("  health       " + system.url() + "/health");
        out.println("  Kafka        " + system.bootstrapServers() + (system.embeddedKafka() ? " (embedded)" : ""));
        out.println("  PostgreSQL   " + system.jdbcUrl() + (system.embeddedPostgres() ? " (embedded)" : ""));
        out.println("  data         " + options.dataDir().toAbsolutePath().normalize());
        system.demo().ifPresent(site -> {
            out.println("  demo site    " + site.baseUrl() + "/ (fictional documents, now at stage " + site.stage()
                    + "; a new stage every " + human(options.demoStageInterval()) + ",");
            out.println("               alerts are printed here as they happen)");
        });
        out.println("Press Ctrl-C to stop.");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String human(java.time.Duration d) {
        return d.equals(java.time.Duration.ofMinutes(1)) ? "minute" : d.toSeconds() + " s";
    }

    private static String rootMessage(Throwable e) {
        String message = e.getMessage();
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c.getMessage() != null && (message == null || message.length() < 8)) {
                message = c.getMessage();
            }
        }
        return message == null ? e.toString() : message;
    }
}
