package org.chorus.host.application.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A real SMTP server on a loopback socket whose answers the test chooses (GreenMail accepts everything): a real
 * dialogue with the real client, so the client's handling of 4xx and 5xx replies is what is tested, not a mock.
 */
final class FakeSmtpServer implements AutoCloseable {

    /** The reply to {@code RCPT TO:<address>}, by address. */
    private final Function<String, String> rcptReply;
    /** The reply after the message data, by the (last accepted) recipient. */
    private final Function<String, String> dataReply;
    private final ServerSocket server;
    final List<String> rcptAttempts = new CopyOnWriteArrayList<>();
    final List<String> accepted = new CopyOnWriteArrayList<>();
    final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();

    FakeSmtpServer(Function<String, String> rcptReply, Function<String, String> dataReply) throws IOException {
        this.rcptReply = rcptReply;
        this.dataReply = dataReply;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "fake-smtp");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                connections.incrementAndGet();
                Thread t = new Thread(() -> converse(s), "fake-smtp-conversation");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void converse(Socket s) {
        try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
             OutputStream out = s.getOutputStream()) {
            reply(out, "220 fake.test ESMTP");
            String recipient = null;
            String line;
            while ((line = in.readLine()) != null) {
                String upper = line.toUpperCase();
                if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
                    reply(out, "250 fake.test");
                } else if (upper.startsWith("MAIL FROM")) {
                    recipient = null;
                    reply(out, "250 2.1.0 ok");
                } else if (upper.startsWith("RCPT TO")) {
                    String address = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                    rcptAttempts.add(address);
                    String r = rcptReply.apply(address);
                    if (r.startsWith("2")) {
                        recipient = address;
                    }
                    reply(out, r);
                } else if (upper.equals("DATA")) {
                    if (recipient == null) {
                        reply(out, "503 5.5.1 no valid recipients");
                        continue;
                    }
                    reply(out, "354 go ahead");
                    StringBuilder data = new StringBuilder();
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        data.append(line).append("\r\n");
                    }
                    String r = dataReply.apply(recipient);
                    if (r.startsWith("2")) {
                        accepted.add(data.toString());
                    }
                    reply(out, r);
                } else if (upper.startsWith("RSET") || upper.startsWith("NOOP")) {
                    recipient = null;
                    reply(out, "250 2.0.0 ok");
                } else if (upper.startsWith("QUIT")) {
                    reply(out, "221 2.0.0 bye");
                    return;
                } else {
                    reply(out, "502 5.5.2 not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
