package dev.policywatch.notifier.email;

import dev.policywatch.api.subscriptions.Channel;
import dev.policywatch.api.subscriptions.Filters;
import dev.policywatch.api.subscriptions.Mode;
import dev.policywatch.api.subscriptions.SubscriptionStatus;
import dev.policywatch.notifier.Fixtures;
import dev.policywatch.notifier.delivery.Alert;
import dev.policywatch.notifier.delivery.SendResult;
import dev.policywatch.notifier.subscription.LinkTokens;
import dev.policywatch.notifier.subscription.Links;
import dev.policywatch.notifier.subscription.Subscription;
import dev.policywatch.support.PolicywatchSettings;
import dev.policywatch.testing.Ports;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static org.assertj.core.api.Assertions.assertThat;

/** How SMTP replies become outcomes, against a real (minimal) SMTP server that refuses the recipient. */
class SmtpSenderTest {

    /** Speaks just enough SMTP to refuse RCPT TO with {@code reply}. */
    private static final class RefusingSmtpServer implements AutoCloseable {
        private final ServerSocket socket;
        private final Thread thread;

        RefusingSmtpServer(String reply) throws IOException {
            socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket s = socket.accept();
                            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                                    StandardCharsets.US_ASCII));
                            PrintWriter out = new PrintWriter(s.getOutputStream(), true)) {
                        out.print("220 test ESMTP\r\n");
                        out.flush();
                        for (String line = in.readLine(); line != null; line = in.readLine()) {
                            String cmd = line.toUpperCase();
                            String answer = cmd.startsWith("EHLO") || cmd.startsWith("HELO") ? "250 test"
                                    : cmd.startsWith("MAIL") ? "250 ok" : cmd.startsWith("RCPT") ? reply
                                    : cmd.startsWith("QUIT") ? "221 bye" : cmd.startsWith("RSET") ? "250 ok" : "502 no";
                            out.print(answer + "\r\n");
                            out.flush();
                            if (cmd.startsWith("QUIT")) {
                                break;
                            }
                        }
                    } catch (IOException e) {
                        // the test closed the socket
                    }
                }
            }, "refusing-smtp");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static SendResult sendTo(int port) {
        EmailSettings settings = new EmailSettings("alerts@policywatch.example", "127.0.0.1", port, null, null, false,
                Duration.ofSeconds(5));
        PolicywatchSettings pw = new PolicywatchSettings(null, null, "https://pw.example", 8080, "./data");
        Links links = new Links(pw, new LinkTokens(new byte[32]), Duration.ofDays(7), Clock.systemUTC());
        SmtpSender sender = new SmtpSender(settings, links, pw.publicUrl());
        Subscription s = new Subscription("s-1", Channel.EMAIL, "nobody@example.org", Filters.ALL, Mode.IMMEDIATE, null,
                null, SubscriptionStatus.ACTIVE, null, Instant.now(), Instant.now());
        return sender.send(new Alert(1, s, List.of(Fixtures.change("x", "title", "a", "b")), false));
    }

    @Test
    void aPermanentRecipientRefusalGivesUpAndSuppressesTheSubscription() throws Exception {
        try (RefusingSmtpServer server = new RefusingSmtpServer("550 5.1.1 user unknown")) {
            SendResult r = sendTo(server.port());
            assertThat(r).isInstanceOf(SendResult.Failed.class);
            assertThat(((SendResult.Failed) r).subscriptionStatus()).isEqualTo(SubscriptionStatus.SUPPRESSED);
            assertThat(((SendResult.Failed) r).reason()).contains("550");
        }
    }

    @ParameterizedTest
    @CsvSource({"451 4.3.0 try again later", "452 4.2.2 mailbox full"})
    void aTemporaryRefusalIsRetried(String reply) throws Exception {
        try (RefusingSmtpServer server = new RefusingSmtpServer(reply)) {
            SendResult r = sendTo(server.port());
            assertThat(r).isInstanceOf(SendResult.Retry.class);
            assertThat(((SendResult.Retry) r).reason()).contains(reply.substring(0, 3));
        }
    }

    @Test
    void anUnreachableServerIsRetried() {
        assertThat(sendTo(Ports.free())).isInstanceOf(SendResult.Retry.class);
    }
}
