package org.chorus.host.infrastructure.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.SocketTimeoutException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SMTP through Jakarta Mail. One connection per batch, opened on the batch's first message and reused for the
 * rest (a TCP and TLS handshake, EHLO and AUTH per letter would cost more than the letter); connect, read and
 * write timeouts, so a stalled server costs one timeout, not a stuck worker. The envelope sender
 * ({@code mail.smtp.from}) is the bounce address when one is configured.
 *
 * <p>Failure classes: an SMTP reply code 5xx to MAIL, RCPT or DATA is permanent; 4xx, a dropped connection and
 * timeouts are transient. Trouble before any message (connection refused, greeting, STARTTLS, AUTH) is transient
 * and marked as the connection's: it says nothing about the letters, so a wrong password or an outage must not
 * kill them. Reply codes are read through {@code getReturnCode()} by reflection, so this class depends only on
 * the Jakarta Mail API and not on the Angus classes that carry the code.
 */
public final class SmtpMailer implements Mailer {

    private static final Logger LOG = Logger.getLogger(SmtpMailer.class.getName());
    private static final Pattern LEADING_CODE = Pattern.compile("^\\s*([2-5]\\d\\d)[ -]");

    private final Session session;
    private final String host;
    private final int port;
    private final String username;
    private final String password;

    public SmtpMailer(MailSettings s) {
        this.host = s.smtpHost().orElseThrow();
        this.port = s.smtpPort();
        this.username = s.username().orElse(null);
        this.password = s.password();
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", "smtp");
        p.setProperty("mail.smtp.host", host);
        p.setProperty("mail.smtp.port", Integer.toString(port));
        p.setProperty("mail.smtp.connectiontimeout", Long.toString(s.connectTimeout().toMillis()));
        p.setProperty("mail.smtp.timeout", Long.toString(s.readTimeout().toMillis()));
        p.setProperty("mail.smtp.writetimeout", Long.toString(s.readTimeout().toMillis()));
        p.setProperty("mail.smtp.from", s.bounceAddress().orElse(s.fromAddress()));
        // The EHLO name, looked up once: left unset, every connection (every batch) resolves the local host name.
        p.setProperty("mail.smtp.localhost", s.heloName().orElseGet(SmtpMailer::localHostName));
        p.setProperty("mail.smtp.quitwait", "false"); // the batch is over; the reply to QUIT changes nothing
        if (username != null) {
            p.setProperty("mail.smtp.auth", "true");
        }
        if (s.starttls()) {
            // Required, not opportunistic: a server that stops offering STARTTLS must not get the password in clear.
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.setProperty("mail.smtp.starttls.required", "true");
            p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        }
        this.session = Session.getInstance(p);
    }

    private static String localHostName() {
        try {
            String name = java.net.InetAddress.getLocalHost().getCanonicalHostName();
            return name == null || name.isBlank() ? "localhost" : name;
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public Batch open() {
        return new SmtpBatch();
    }

    private final class SmtpBatch implements Batch {
        private Transport transport;

        @Override
        public void send(long outboxId, MimeMessage message) throws DeliveryException {
            if (transport == null) {
                connect();
            }
            try {
                transport.sendMessage(message, message.getAllRecipients());
            } catch (MessagingException e) {
                Integer code = replyCode(e);
                boolean permanent = code != null && code >= 500;
                if (code == null || code == 421 || !stillConnected()) {
                    close(); // dropped, timed out or closing: the next message opens a new connection
                }
                String why = describe(e);
                throw new DeliveryException(code == null || why.startsWith(code.toString()) ? why : code + " " + why,
                        permanent, false, e);
            }
        }

        private void connect() throws DeliveryException {
            try {
                Transport t = session.getTransport("smtp");
                t.connect(host, port, username, username == null ? null : password);
                transport = t;
            } catch (AuthenticationFailedException e) {
                throw new DeliveryException("SMTP login to " + host + ":" + port + " refused: " + describe(e), false, true, e);
            } catch (MessagingException e) {
                throw new DeliveryException("cannot connect to SMTP " + host + ":" + port + ": " + describe(e), false, true, e);
            }
        }

        private boolean stillConnected() {
            try {
                return transport != null && transport.isConnected(); // a NOOP, only after a failure
            } catch (RuntimeException e) {
                return false;
            }
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException | RuntimeException e) {
                    LOG.log(Level.FINE, "closing the SMTP connection", e);
                } finally {
                    transport = null;
                }
            }
        }
    }

    /** The first SMTP reply code in the exception chain, or null when the failure was not an SMTP answer. */
    static Integer replyCode(Throwable e) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = next(t)) {
            try {
                Method m = t.getClass().getMethod("getReturnCode");
                Object code = m.invoke(t);
                if (code instanceof Integer i && i >= 200 && i < 600) {
                    return i;
                }
            } catch (ReflectiveOperationException | RuntimeException ignored) {
                // not an SMTP exception with a code
            }
            if (t instanceof MessagingException && t.getMessage() != null) {
                Matcher m = LEADING_CODE.matcher(t.getMessage());
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
        }
        return null;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException me && me.getNextException() != null) {
            return me.getNextException();
        }
        return t.getCause();
    }

    /** A one-line account of the failure, from the innermost useful message. */
    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = next(t)) {
            String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
            if (t instanceof SocketTimeoutException) {
                msg = "timed out (" + msg + ")";
            } else if (t instanceof IOException && !(t instanceof SocketTimeoutException)) {
                msg = t.getClass().getSimpleName() + ": " + msg;
            }
            if (sb.indexOf(msg) < 0) {
                if (sb.length() > 0) {
                    sb.append("; ");
                }
                sb.append(msg);
            }
        }
        return sb.toString().replaceAll("[\\r\\n]+", " ");
    }
}
