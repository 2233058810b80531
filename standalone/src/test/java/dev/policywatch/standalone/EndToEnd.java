package dev.policywatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.policywatch.testing.Ports;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the end-to-end tests of the whole system share: a sources file with one source, the options of
 * a standalone on free ports with an admin token, GreenMail as the SMTP server, reading the mails it
 * received, {@link Api}, an HTTP client of the system's public API, and {@link Parts}, which stops the
 * system and the fixture servers after each test. Real parts only.
 */
final class EndToEnd {

    /** The admin token every end-to-end system is started with. */
    static final String ADMIN = "e2e-admin-token";
    /** How long to await anything that flows through the system (crawl, Kafka, alerts). */
    static final Duration WAIT = Duration.ofSeconds(120);

    private static final Pattern CONFIRM_LINK =
            Pattern.compile("(https?://[^\\s\"<>]+/subscriptions/confirm\\?token=[A-Za-z0-9._~%-]+)");

    private EndToEnd() {
    }

    /**
     * Writes {@code dir/sources.yml} with one source of jurisdiction CN, checked hourly, its text in
     * {@code #content}; {@code kind} lines ({@code kind: page}, or {@code kind: listing} and its
     * {@code links:}) follow as given.
     */
    static Path sources(Path dir, String id, String name, String publisher, String url, String... kind) {
        return sourcesFile(dir, source(id, name, publisher, url, kind));
    }

    /**
     * One entry of a sources file: a source of jurisdiction CN, checked hourly, its text in
     * {@code #content}; {@code kind} lines ({@code kind: page} when none, or {@code kind: listing} and its
     * {@code links:}, {@code render: browser}) as given.
     */
    static String source(String id, String name, String publisher, String url, String... kind) {
        return sourceIn("CN", id, name, publisher, url, kind);
    }

    /** As {@link #source}, of {@code jurisdiction}. */
    static String sourceIn(String jurisdiction, String id, String name, String publisher, String url, String... kind) {
        StringBuilder yaml = new StringBuilder()
                .append("  - id: ").append(id).append('\n')
                .append("    name: ").append(name).append('\n')
                .append("    url: ").append(url).append('\n')
                .append("    publisher: ").append(publisher).append('\n')
                .append("    jurisdiction: ").append(jurisdiction).append('\n');
        for (String line : kind.length == 0 ? new String[] {"kind: page"} : kind) {
            yaml.append("    ").append(line).append('\n');
        }
        return yaml.append("    content: \"#content\"\n    every: PT1H\n").toString();
    }

    /** Writes {@code dir/sources.yml} with these {@link #source} entries. */
    static Path sourcesFile(Path dir, String... entries) {
        Path file = dir.resolve("sources.yml");
        try {
            Files.writeString(file, "sources:\n" + String.join("", entries), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * A standalone on a free port with its data under {@code dir/data}: embedded broker on a free port,
     * the admin token {@link #ADMIN}, links to itself, no per-host crawl delay, webhooks allowed to
     * {@code webhookOrigins} (comma-separated, may be empty).
     */
    static StandaloneOptions options(Path dir, Path sources, String webhookOrigins) {
        int port = Ports.free();
        StandaloneOptions options = StandaloneOptions.defaults()
                .withDataDir(dir.resolve("data"))
                .withPort(port)
                .withSources(sources)
                .withProperty("policywatch.embedded-kafka.port", "0")
                .withProperty("policywatch.admin-token", ADMIN)
                .withProperty("policywatch.public-url", "http://127.0.0.1:" + port)
                .withProperty("policywatch.crawler.per-host-delay", "0s");
        return webhookOrigins.isEmpty() ? options
                : options.withProperty("policywatch.notifier.webhook.allowed-hosts", webhookOrigins);
    }

    /** {@code options} sending email through {@code smtp}. */
    static StandaloneOptions withSmtp(StandaloneOptions options, GreenMail smtp) {
        return options.withProperty("policywatch.notifier.email.from", "policywatch@test.example")
                .withProperty("policywatch.notifier.email.smtp.host", "127.0.0.1")
                .withProperty("policywatch.notifier.email.smtp.port", String.valueOf(smtp.getSmtp().getPort()));
    }

    /** A started GreenMail SMTP server on a free loopback port. */
    static GreenMail smtp() {
        GreenMail smtp = new GreenMail(new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    /** The messages received that are alerts (not subscription confirmations). */
    static List<MimeMessage> alertEmails(GreenMail smtp) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> !subject(m).toLowerCase().contains("confirm")).toList();
    }

    /** The subject of a message, "" when it has none. */
    static String subject(MimeMessage message) {
        try {
            return message.getSubject() == null ? "" : message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded text of every text part of a message. */
    static String text(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                sb.append(text(multipart.getBodyPart(i))).append('\n');
            }
            return sb.toString();
        }
        return String.valueOf(content);
    }

    /** The confirmation link of {@code message}; fails naming the text when there is none. */
    static String confirmationLink(MimeMessage message) throws Exception {
        String text = text(message);
        Matcher link = CONFIRM_LINK.matcher(text);
        assertThat(link.find()).as("confirmation link in %s", text).isTrue();
        return link.group(1);
    }


    /** A client of one running system's public API at a base URL; every call checks the status it expects. */
    static final class Api {
        private final String base;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final ObjectMapper json = new ObjectMapper();

        Api(String base) {
            this.base = base;
        }

        /** {@code POST /api/sources/{id}/crawl} as admin: 202. */
        void crawl(String sourceId) throws Exception {
            HttpResponse<String> r = send(request("/api/sources/" + sourceId + "/crawl")
                    .header("Authorization", "Bearer " + ADMIN).POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        }

        /** A JSON resource: 200. */
        JsonNode get(String path) throws Exception {
            return json(send(request(path)), "GET", path, 200);
        }

        /** A JSON resource read with the admin token: 200. */
        JsonNode getAsAdmin(String path) throws Exception {
            return json(send(request(path).header("Authorization", "Bearer " + ADMIN)), "GET", path, 200);
        }

        /** A web page: 200 with a Content-Security-Policy. */
        String page(String path) throws Exception {
            return page(path, "en");
        }

        /** A web page asked for in {@code language} (an Accept-Language value): 200 with a Content-Security-Policy. */
        String page(String path, String language) throws Exception {
            HttpResponse<String> r = send(request(path).header("Accept-Language", language));
            assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Security-Policy")).as("CSP of %s", path).isPresent();
            return r.body();
        }

        /** A JSON body posted: the expected status, and the JSON answered. */
        JsonNode post(String path, String body, int expectedStatus) throws Exception {
            return json(send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))), "POST", path, expectedStatus);
        }

        /** {@code method} on {@code path} with a JSON body as admin: the expected status, and the JSON answered. */
        JsonNode admin(String method, String path, String body, int expectedStatus) throws Exception {
            return json(send(request(path).header("Authorization", "Bearer " + ADMIN)
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body))), method, path, expectedStatus);
        }

        /** A Slack subscription of {@code webhookUrl} with {@code filters} (JSON): 201, active. */
        JsonNode subscribeSlack(String webhookUrl, String filters) throws Exception {
            JsonNode created = post("/api/subscriptions", """
                    {"channel":"slack","target":"%s","filters":%s,"mode":"immediate"}""".formatted(webhookUrl, filters), 201);
            assertThat(created.path("status").asText()).isEqualTo("active");
            return created;
        }

        /** Any GET, relative to the base URL or absolute, answered as it is. */
        HttpResponse<String> fetch(String pathOrUrl) throws Exception {
            return send(pathOrUrl.startsWith("http") ? HttpRequest.newBuilder(URI.create(pathOrUrl)) : request(pathOrUrl));
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(base + path));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        private JsonNode json(HttpResponse<String> r, String method, String path, int expectedStatus) throws Exception {
            assertThat(r.statusCode()).as("%s %s: %s", method, path, r.body()).isEqualTo(expectedStatus);
            return json.readTree(r.body());
        }
    }

    /**
     * The running parts of one test, stopped after it (register with {@code @RegisterExtension}): the
     * system first, then the fixture servers, last added first.
     */
    static final class Parts implements AfterEachCallback {
        private final Deque<AutoCloseable> servers = new ArrayDeque<>();
        private StandaloneOptions options;
        private Standalone system;

        /** A fixture server, closed after the test. */
        <T extends AutoCloseable> T add(T server) {
            servers.push(server);
            return server;
        }

        /** A started GreenMail, stopped after the test. */
        GreenMail smtp() {
            GreenMail smtp = EndToEnd.smtp();
            servers.push(smtp::stop);
            return smtp;
        }

        /** Starts the system; the client of its API. */
        Api start(StandaloneOptions options) {
            this.options = options;
            system = Standalone.start(options);
            return new Api(system.url());
        }

        /** Stops the system and starts it again with the same options (and so the same port and data). */
        void restart() {
            Standalone stopping = system;
            system = null;
            stopping.close();
            system = Standalone.start(options);
        }

        Standalone system() {
            return system;
        }

        @Override
        public void afterEach(ExtensionContext context) throws Exception {
            Exception failure = null;
            if (system != null) {
                try {
                    system.close();
                } catch (Exception e) {
                    failure = e;
                }
                system = null;
            }
            while (!servers.isEmpty()) {
                try {
                    servers.pop().close();
                } catch (Exception e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }
}
