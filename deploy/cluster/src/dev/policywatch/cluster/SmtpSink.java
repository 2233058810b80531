package dev.policywatch.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP sink on 127.0.0.1: speaks just enough SMTP (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) for
 * Jakarta Mail and keeps each message whose DATA ended with "." as one .eml file (temporary name, then
 * renamed). A message cut off by a killed sender is not kept: it was never accepted.
 */
public final class SmtpSink {

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        Path folder = Files.createDirectories(Path.of(args[1]));
        AtomicInteger count = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(port, 64, InetAddress.getLoopbackAddress())) {
            System.out.println("SMTP sink on 127.0.0.1:" + port + " writing to " + folder);
            while (true) {
                Socket socket = server.accept();
                Thread thread = new Thread(() -> session(socket, folder, count), "smtp-session");
                thread.setDaemon(true);
                thread.start();
            }
        }
    }

    private static void session(Socket socket, Path folder, AtomicInteger count) {
        try (socket) {
            socket.setSoTimeout(120_000);
            // ISO-8859-1 keeps every byte as it came (8-bit bodies included)
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.ISO_8859_1);
            reply(out, "220 127.0.0.1 policywatch cluster-test SMTP sink");
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.length() < 4 ? line.toUpperCase(Locale.ROOT) : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> reply(out, "250-127.0.0.1\r\n250-8BITMIME\r\n250 SMTPUTF8");
                    case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        StringBuilder message = new StringBuilder();
                        boolean complete = false;
                        while ((line = in.readLine()) != null) {
                            if (line.equals(".")) {
                                complete = true;
                                break;
                            }
                            message.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
                        }
                        if (!complete) {
                            return;
                        }
                        String name = String.format("mail-%06d.eml", count.incrementAndGet());
                        Path tmp = folder.resolve(name + ".tmp");
                        Files.write(tmp, message.toString().getBytes(StandardCharsets.ISO_8859_1));
                        Files.move(tmp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                        reply(out, "250 OK queued as " + name);
                    }
                    default -> reply(out, "502 command not implemented");
                }
            }
        } catch (IOException e) {
            System.out.println("SMTP session ended: " + e);
        }
    }

    private static void reply(Writer out, String text) throws IOException {
        out.write(text + "\r\n");
        out.flush();
    }
}
