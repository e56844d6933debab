package org.chorus.host.application.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.chorus.host.MutableClock;
import org.chorus.host.TestDatabases;
import org.chorus.host.TestPlatforms;
import org.chorus.host.application.ActionService;
import org.chorus.host.application.Platform;
import org.chorus.host.domain.outbox.OutboxKind;
import org.chorus.host.domain.outbox.OutboxMessage;
import org.chorus.host.domain.outbox.OutboxQueue;
import org.chorus.host.domain.outbox.OutboxState;
import org.chorus.host.infrastructure.config.PlatformConfig;
import org.chorus.host.infrastructure.mail.SinkMailbox;
import org.chorus.host.infrastructure.persistence.JdbcOutboxQueue;
import org.chorus.testplugins.TestPluginJars;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The mail outbox delivered for real, on H2 and PostgreSQL: supporters' letters through the worker to GreenMail
 * (in-process SMTP) or to a fake server that answers what the case needs, with a clock the test moves.
 */
class OutboxDeliveryTest {

    static final Instant T0 = Instant.parse("2026-03-04T14:00:00Z");
    static final String SENATOR = "senator.smith@malegislature.example";
    static final String REP = "rep.jones@malegislature.example";

    static final String CAMPAIGN = """
            slug: letters
            title: Write to your legislators
            theme: default
            status: published
            organization: Safe Communities Coalition
            actions:
              - id: write
                type: letters
                title: Write
                settings: &offices
                  senator: %s
                  senator_name: Senator Ann Smith
                  representative: %s
                  representative_name: Representative Bo Jones
                  subject: Please co-sponsor the Safe Communities Act
              - id: write-digest
                type: letters
                title: Write, delivered in the daily digest
                settings:
                  <<: *offices
                  digest: true
            """.formatted(SENATOR, REP);

    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(T0);
    Map<String, String> config;
    Platform platform;
    GreenMail greenMail;
    FakeSmtpServer fake;
    ScheduledExecutorService scheduler; // null: the test drives the worker itself

    Platform start(String db, Map<String, String> extra) throws Exception {
        Path campaigns = Files.createDirectories(dir.resolve("campaigns"));
        Files.writeString(campaigns.resolve("letters.yaml"), CAMPAIGN);
        Path plugins = dir.resolve("plugins");
        TestPluginJars.letters(plugins);
        config = TestPlatforms.withPlugins(TestPlatforms.withCampaigns(TestPlatforms.h2Config(dir), campaigns), plugins);
        config.put("platform.base.url", "https://act.chorus.example");
        config.put("platform.mail.from.address", "letters@chorus.example");
        config.put("platform.mail.bounce.address", "bounces@chorus.example");
        config.put("platform.mail.worker.max.attempts", "3");
        config.put("platform.mail.worker.backoff.base.seconds", "60");
        config.put("platform.mail.worker.backoff.max.seconds", "600");
        config.put("platform.mail.worker.lease.seconds", "300");
        config.put("platform.mail.smtp.connect.timeout.millis", "2000");
        config.put("platform.mail.smtp.read.timeout.millis", "5000");
        config.putAll(extra);
        TestDatabases.configure(db, config);
        platform = scheduler == null ? Platform.start(PlatformConfig.of(config), clock, Runnable::run)
                : Platform.start(PlatformConfig.of(config), clock, Runnable::run, scheduler);
        return platform;
    }

    @AfterEach
    void stop() throws Exception {
        if (platform != null) {
            platform.close();
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (config != null) {
            TestDatabases.cleanUp(config);
        }
        if (greenMail != null) {
            greenMail.stop();
        }
        if (fake != null) {
            fake.close();
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static Map<String, String> smtp(int port) {
        return Map.of("platform.mail.smtp.host", "127.0.0.1", "platform.mail.smtp.port", Integer.toString(port));
    }

    GreenMail greenMail(int port) {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return greenMail;
    }

    String submit(String action, String first, String last, String email, String town, String message) {
        String token = UUID.randomUUID().toString();
        Map<String, List<String>> f = new LinkedHashMap<>();
        f.put("first_name", List.of(first));
        f.put("last_name", List.of(last));
        f.put("email", List.of(email));
        f.put("town", List.of(town));
        f.put("message", List.of(message));
        var outcome = platform.actions().submit(new ActionService.SubmitCommand("letters", action, f, token, null, null,
                clock.instant(), Locale.ENGLISH));
        assertThat(outcome).isEqualTo(new ActionService.Outcome.Taken(token));
        return token;
    }

    /** A row written straight into the outbox, as a plugin's {@code MailOutbox.enqueue} would. */
    long insert(String to, String toName, String subject) {
        return platform.transactions().inTransaction(() -> {
            OutboxMessage m = new OutboxMessage("<" + UUID.randomUUID() + "@test.example>", to, toName,
                    "Jane Doe via Test Coalition", "jane@example.org", subject, "Hello.\n", clock.instant());
            platform.transactions().em().persist(m);
            platform.transactions().em().flush();
            return m.getId();
        });
    }

    List<OutboxMessage> rows() {
        return platform.transactions().inTransaction(() -> platform.transactions().em()
                .createQuery("SELECT m FROM OutboxMessage m ORDER BY m.id", OutboxMessage.class).getResultList());
    }

    OutboxMessage row(long id) {
        return rows().stream().filter(r -> r.getId() == id).findFirst().orElseThrow();
    }

    OutboxWorker.Report run() {
        return platform.mail().worker().runOnce();
    }

    List<String> thankYouStates(String action, String token) {
        return platform.actions().thankYou("letters", action, token, Locale.ENGLISH).orElseThrow().view().deliveries()
                .stream().map(d -> d.state()).toList();
    }

    static String text(MimeMessage m) throws Exception {
        return ((String) m.getContent()).replace("\r\n", "\n");
    }

    @ParameterizedTest
    @MethodSource("org.chorus.host.TestDatabases#names")
    void bothLettersOfAnActionArriveWithTheirHeadersAndBody(String db) throws Exception {
        int port = freePort();
        greenMail(port);
        start(db, smtp(port));
        String token = submit("write", "Jane", "Doe", "Jane.Doe@example.org", "Salem", "Please co-sponsor H.2580.");
        assertThat(thankYouStates("write", token)).containsExactly("queued", "queued");

        OutboxWorker.Report report = run();

        assertThat(report.claimed()).isEqualTo(2);
        assertThat(report.sent()).isEqualTo(2);
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(2);
        List<OutboxMessage> rows = rows();
        assertThat(rows).extracting(OutboxMessage::getToAddress).containsExactly(SENATOR, REP);
        for (OutboxMessage row : rows) {
            MimeMessage m = Arrays.stream(received).filter(x -> row.getMessageId().equals(messageId(x))).findFirst()
                    .orElseThrow(() -> new AssertionError("no message with Message-ID " + row.getMessageId()));
            assertThat(row.getMessageId()).startsWith("<" + token + ".").endsWith("@act.chorus.example>");
            InternetAddress from = (InternetAddress) m.getFrom()[0];
            assertThat(from.getAddress()).isEqualTo("letters@chorus.example");
            assertThat(from.getPersonal()).isEqualTo("Jane Doe via Safe Communities Coalition");
            assertThat(((InternetAddress) m.getSender()).getAddress()).isEqualTo("bounces@chorus.example");
            assertThat(m.getHeader("Return-Path")).containsExactly("<bounces@chorus.example>"); // the envelope sender
            assertThat(m.getHeader("Reply-To")).hasSize(1);
            assertThat(((InternetAddress) m.getReplyTo()[0]).getAddress()).isEqualTo("Jane.Doe@example.org");
            InternetAddress to = (InternetAddress) m.getRecipients(MimeMessage.RecipientType.TO)[0];
            assertThat(to.getAddress()).isEqualTo(row.getToAddress());
            assertThat(to.getPersonal()).isEqualTo(row.getToName()).isIn("Senator Ann Smith", "Representative Bo Jones");
            assertThat(m.getSubject()).isEqualTo("Please co-sponsor the Safe Communities Act");
            assertThat(m.getSentDate().toInstant()).isEqualTo(T0);
            // (GreenMail drops the CRLF before the final dot, hence strip())
            assertThat(text(m).strip()).isEqualTo(row.getBody().strip()).isEqualTo("Dear " + row.getToName()
                    + ",\n\nPlease co-sponsor H.2580.\n\nSincerely,\nJane Doe\nSalem");
            assertThat(row.getState()).isEqualTo(OutboxState.SENT);
            assertThat(row.getAttempts()).isEqualTo(1);
            assertThat(row.getSentAt()).isEqualTo(T0);
        }
        assertThat(thankYouStates("write", token)).containsExactly("sent", "sent");
        assertThat(run().claimed()).isZero();
        assertThat(greenMail.getReceivedMessages()).hasSize(2);
    }

    static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("org.chorus.host.TestDatabases#names")
    void smtpDownThenUpDeliversEachLetterExactlyOnce(String db) throws Exception {
        int port = freePort(); // nothing listens there yet
        start(db, smtp(port));
        String token = submit("write", "Jane", "Doe", "jane@example.org", "Salem", "Hello.");

        OutboxWorker.Report down = run();

        assertThat(down.failed()).isEqualTo(2);
        for (OutboxMessage r : rows()) {
            assertThat(r.getState()).isEqualTo(OutboxState.FAILED);
            assertThat(r.getAttempts()).isEqualTo(1);
            assertThat(r.getLastError()).contains("cannot connect to SMTP 127.0.0.1:" + port);
            assertThat(r.getNextAttemptAt()).isBetween(T0.plusSeconds(30), T0.plusSeconds(60)); // base 60 s, jittered
        }
        assertThat(thankYouStates("write", token)).containsExactly("failed", "failed");
        assertThat(run().claimed()).as("nothing is due before its backoff").isZero();

        greenMail(port);
        clock.advance(Duration.ofSeconds(61));
        OutboxWorker.Report up = run();

        assertThat(up.sent()).isEqualTo(2);
        assertThat(run().claimed()).isZero();
        clock.advance(Duration.ofHours(1));
        assertThat(run().claimed()).isZero();
        assertThat(greenMail.getReceivedMessages()).hasSize(2);
        assertThat(Arrays.stream(greenMail.getReceivedMessages()).map(OutboxDeliveryTest::messageId).distinct()).hasSize(2);
        assertThat(rows()).allSatisfy(r -> {
            assertThat(r.getState()).isEqualTo(OutboxState.SENT);
            assertThat(r.getAttempts()).isEqualTo(2);
            assertThat(r.getLastError()).isNull();
        });
    }

    @ParameterizedTest
    @MethodSource("org.chorus.host.TestDatabases#names")
    void aWorkerStoppedBetweenClaimAndSendCausesNoDuplicate(String db) throws Exception {
        int port = freePort();
        greenMail(port);
        start(db, smtp(port));
        submit("write", "Jane", "Doe", "jane@example.org", "Salem", "Hello.");
        Map<Long, String> ids = new HashMap<>();
        rows().forEach(r -> ids.put(r.getId(), r.getMessageId()));

        // A worker claims the batch (SENDING is committed) and dies before its SMTP conversation.
        OutboxQueue queue = new JdbcOutboxQueue(platform.database().dataSource(), platform.database().dialect());
        OutboxQueue.Claim stopped = queue.claim("stopped-worker", clock.instant(), clock.instant().minusSeconds(300), 50, 0);
        assertThat(stopped.claimed()).hasSize(2);
        assertThat(rows()).allSatisfy(r -> {
            assertThat(r.getState()).isEqualTo(OutboxState.SENDING);
            assertThat(r.getClaimedBy()).isEqualTo("stopped-worker");
        });

        clock.advance(Duration.ofMinutes(4));
        assertThat(run().claimed()).as("within the lease the rows are the stopped worker's").isZero();

        clock.advance(Duration.ofMinutes(2));
        OutboxWorker.Report recovery = run();

        assertThat(recovery.recovered()).isEqualTo(2);
        assertThat(recovery.sent()).isEqualTo(2);
        assertThat(greenMail.getReceivedMessages()).hasSize(2);
        assertThat(Arrays.stream(greenMail.getReceivedMessages()).map(OutboxDeliveryTest::messageId))
                .containsExactlyInAnyOrderElementsOf(ids.values()); // the same Message-IDs as the rows had all along
        assertThat(rows()).allSatisfy(r -> {
            assertThat(r.getState()).isEqualTo(OutboxState.SENT);
            assertThat(r.getAttempts()).isEqualTo(2); // the lost claim counted as an attempt
            assertThat(r.getMessageId()).isEqualTo(ids.get(r.getId()));
        });

        // Were the stopped worker to come back with a late verdict, its claim no longer holds: nothing changes.
        assertThat(queue.markFailed(stopped.claimed().get(0), "stopped-worker", "late", clock.instant())).isFalse();
        assertThat(queue.markSent(stopped.claimed().get(1), "stopped-worker", clock.instant())).isFalse();
        assertThat(rows()).allSatisfy(r -> assertThat(r.getState()).isEqualTo(OutboxState.SENT));
        clock.advance(Duration.ofHours(1));
        assertThat(run().claimed()).isZero();
        assertThat(greenMail.getReceivedMessages()).hasSize(2);
    }

    @ParameterizedTest
    @MethodSource("org.chorus.host.TestDatabases#names")
    void aBatchThatOutrunsHalfTheLeaseGivesTheRestBackUnattempted(String db) throws Exception {
        int port = freePort();
        greenMail(port);
        start(db, smtp(port));
        submit("write", "Jane", "Doe", "jane@example.org", "Salem", "Hello.");

        clock.stepOnEachReading(Duration.ofSeconds(61)); // each clock reading is a minute later: a very slow server
        OutboxWorker.Report slow = run();
        clock.stepOnEachReading(Duration.ZERO);

        assertThat(slow.sent()).isEqualTo(1);
        assertThat(slow.released()).isEqualTo(1); // lease 300 s: nothing new is started after 150 s
        OutboxMessage second = rows().get(1);
        assertThat(second.getState()).isEqualTo(OutboxState.QUEUED);
        assertThat(second.getAttempts()).isZero();
        assertThat(run().sent()).isEqualTo(1);
        assertThat(greenMail.getReceivedMessages()).hasSize(2);
    }

    @ParameterizedTest
    @MethodSource("org.chorus.host.TestDatabases#names")
    void transientFailuresBackOffExponentiallyAndTheRowIsDeadAfterTheLastAttempt(String db) throws Exception {
        fake = new FakeSmtpServer(rcpt -> "451 4.3.0 try again later", rcpt -> "250 ok");
        start(db, smtp(fake.port()));
        long id = insert("office@a.example", "The Office", "Hello");

        assertThat(run().failed()).isEqualTo(1);
        OutboxMessage r1 = row(id);
        assertThat(r1.getState()).isEqualTo(OutboxState.FAILED);
        assertThat(r1.getLastError()).contains("451");
        assertThat(Duration.between(clock.instant(), r1.getNextAttemptAt())).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));

        clock.set(r1.getNextAttemptAt());
        assertThat(run().failed()).isEqualTo(1);
        OutboxMessage r2 = row(id);
        assertThat(r2.getAttempts()).isEqualTo(2);
        assertThat(Duration.between(clock.instant(), r2.getNextAttemptAt())).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(120));

        clock.set(r2.getNextAttemptAt().minusMillis(1));
        assertThat(run().claimed()).as("not before its time").isZero();
        clock.set(r2.getNextAttemptAt());
        assertThat(run().dead()).isEqualTo(1);
        OutboxMessage r3 = row(id);
        assertThat(r3.getState()).isEqualTo(OutboxState.DEAD);
        assertThat(r3.getAttempts()).isEqualTo(3);
        assertThat(r3.getLastError()).startsWith("gave up after 3 attempts").contains("451");

        clock.advance(Duration.ofDays(1));
        assertThat(run().claimed()).isZero();
        assertThat(fake.rcptAttempts).hasSize(3);
        assertThat(fake.accepted).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("org.chorus.host.TestDatabases#names")
    void aPermanentRejectionIsDeadAtOnceAndTheBatchGoesOnOverTheSameConnection(String db) throws Exception {
        fake = new FakeSmtpServer(
                rcpt -> rcpt.equals(SENATOR) ? "550 5.1.1 no such mailbox" : "250 2.1.5 ok",
                rcpt -> rcpt.equals(REP) ? "554 5.7.1 message refused" : "250 2.0.0 queued");
        start(db, smtp(fake.port()));
        submit("write", "Jane", "Doe", "jane@example.org", "Salem", "Hello.");
        long ok = insert("office@a.example", "The Office", "Hello");

        OutboxWorker.Report r = run();

        assertThat(r.dead()).isEqualTo(2);
        assertThat(r.sent()).isEqualTo(1);
        assertThat(fake.connections.get()).as("one connection for the batch").isEqualTo(1);
        assertThat(fake.accepted).hasSize(1);
        for (OutboxMessage row : rows()) {
            if (row.getId() == ok) {
                assertThat(row.getState()).isEqualTo(OutboxState.SENT);
                continue;
            }
            assertThat(row.getState()).isEqualTo(OutboxState.DEAD);
            assertThat(row.getAttempts()).isEqualTo(1);
            assertThat(row.getLastError()).contains(row.getToAddress().equals(SENATOR) ? "550" : "554");
        }
        clock.advance(Duration.ofDays(1));
        assertThat(run().claimed()).isZero();
    }

    @ParameterizedTest
    @MethodSource("org.chorus.host.TestDatabases#names")
    void aServerThatStopsAnsweringIsATransientFailureAndTheBatchGoesOnOverANewConnection(String db) throws Exception {
        fake = new FakeSmtpServer(rcpt -> "250 2.1.5 ok", rcpt -> {
            if (rcpt.startsWith("slow")) {
                try {
                    Thread.sleep(1_500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return "250 2.0.0 queued";
        });
        start(db, Map.of("platform.mail.smtp.host", "127.0.0.1", "platform.mail.smtp.port", Integer.toString(fake.port()),
                "platform.mail.smtp.read.timeout.millis", "500"));
        long slow = insert("slow@a.example", null, "Hello");
        long ok = insert("ok@a.example", null, "Hello");

        OutboxWorker.Report r = run();

        assertThat(r.failed()).isEqualTo(1);
        assertThat(r.sent()).isEqualTo(1);
        assertThat(row(slow).getState()).isEqualTo(OutboxState.FAILED);
        assertThat(row(slow).getLastError()).contains("timed out");
        assertThat(row(ok).getState()).isEqualTo(OutboxState.SENT);
        assertThat(fake.connections.get()).as("the timed-out connection is dropped, the next letter opens one").isEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("org.chorus.host.TestDatabases#names")
    void aHeaderWithALineBreakNeverGoesOut(String db) throws Exception {
        int port = freePort();
        greenMail(port);
        start(db, smtp(port));
        long name = insert("office@a.example", "The Office\r\nBcc: everyone@example.org", "Hello");
        long subject = insert("office@a.example", "The Office", "Hello\nBcc: everyone@example.org");

        assertThat(run().dead()).isEqualTo(2);

        assertThat(row(name).getLastError()).contains("recipient name").contains("line break");
        assertThat(row(subject).getLastError()).contains("subject").contains("line break");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("org.chorus.host.TestDatabases#names")
    void withoutAnSmtpHostMailGoesToSinkFilesThatParseBack(String db) throws Exception {
        start(db, Map.of());
        String token = submit("write", "Jane", "Doe", "jane@example.org", "Salem", "Please co-sponsor.");

        assertThat(run().sent()).isEqualTo(2);

        Path sink = dir.resolve("mail-sink");
        List<OutboxMessage> rows = rows();
        for (OutboxMessage row : rows) {
            MimeMessage m;
            try (InputStream in = Files.newInputStream(sink.resolve(row.getId() + ".eml"))) {
                m = new MimeMessage(Session.getInstance(new Properties()), in);
            }
            assertThat(m.getMessageID()).isEqualTo(row.getMessageId());
            assertThat(((InternetAddress) m.getFrom()[0]).getPersonal()).isEqualTo("Jane Doe via Safe Communities Coalition");
            assertThat(((InternetAddress) m.getFrom()[0]).getAddress()).isEqualTo("letters@chorus.example");
            assertThat(((InternetAddress) m.getSender()).getAddress()).isEqualTo("bounces@chorus.example");
            assertThat(((InternetAddress) m.getReplyTo()[0]).getAddress()).isEqualTo("jane@example.org");
            assertThat(((InternetAddress) m.getRecipients(MimeMessage.RecipientType.TO)[0]).getAddress()).isEqualTo(row.getToAddress());
            assertThat(text(m)).contains("Please co-sponsor.");
            assertThat(row.getState()).isEqualTo(OutboxState.SENT);
        }
        try (var files = Files.list(sink)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    rows.get(0).getId() + ".eml", rows.get(1).getId() + ".eml");
        }
        assertThat(thankYouStates("write", token)).containsExactly("sent", "sent");

        SinkMailbox mailbox = platform.mail().sink();
        assertThat(mailbox.list(10)).extracting(SinkMailbox.Entry::outboxId)
                .containsExactly(rows.get(1).getId(), rows.get(0).getId());
        SinkMailbox.Message read = mailbox.read(rows.get(0).getId()).orElseThrow();
        assertThat(read.entry().to()).isEqualTo("Senator Ann Smith <" + SENATOR + ">");
        assertThat(read.entry().from()).isEqualTo("Jane Doe via Safe Communities Coalition <letters@chorus.example>");
        assertThat(read.replyTo()).isEqualTo("jane@example.org");
        assertThat(read.text()).contains("Please co-sponsor.");
        assertThat(read.raw()).contains("Message-ID: " + rows.get(0).getMessageId());
        assertThat(mailbox.read(987654321L)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("org.chorus.host.TestDatabases#names")
    void theRateLimitPerDomainKeepsTheRestQueuedForLater(String db) throws Exception {
        int port = freePort();
        greenMail(port);
        start(db, Map.of("platform.mail.smtp.host", "127.0.0.1", "platform.mail.smtp.port", Integer.toString(port),
                "platform.mail.rate.per.domain.per.minute", "2"));
        List<Long> a = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            a.add(insert("office" + i + "@A.example", null, "Hello " + i));
        }
        long b = insert("office@b.example", null, "Hello b");

        OutboxWorker.Report first = run();

        assertThat(first.sent()).isEqualTo(3); // two to a.example, one to b.example
        assertThat(first.deferred()).isEqualTo(3);
        assertThat(row(b).getState()).isEqualTo(OutboxState.SENT);
        for (long id : a.subList(2, 5)) {
            OutboxMessage r = row(id);
            assertThat(r.getState()).isEqualTo(OutboxState.QUEUED); // not failed: just later
            assertThat(r.getAttempts()).isZero();
            assertThat(r.getNextAttemptAt()).isEqualTo(T0.plusSeconds(60)); // when the first claims leave the window
        }
        assertThat(run().claimed()).isZero();

        clock.advance(Duration.ofSeconds(61));
        OutboxWorker.Report second = run();
        assertThat(second.sent()).isEqualTo(2);
        assertThat(second.deferred()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(61));
        assertThat(run().sent()).isEqualTo(1);
        assertThat(rows()).allSatisfy(r -> assertThat(r.getState()).isEqualTo(OutboxState.SENT));
        assertThat(greenMail.getReceivedMessages()).hasSize(6);
    }

    @ParameterizedTest
    @MethodSource("org.chorus.host.TestDatabases#names")
    void digestModeSendsOneMessagePerLegislatorPerDay(String db) throws Exception {
        int port = freePort();
        greenMail(port);
        start(db, smtp(port));
        String jane = submit("write-digest", "Jane", "Doe", "jane@example.org", "Salem", "Jane's letter.");
        clock.advance(Duration.ofHours(1));
        submit("write-digest", "John", "Roe", "john@example.org", "Lowell", "John's letter.");
        clock.advance(Duration.ofHours(1));
        submit("write-digest", "Ana", "Silva", "ana@example.org", "Chelsea", "Ana's letter.");
        submit("write", "Bob", "Poe", "bob@example.org", "Lynn", "Bob wants his own letters.");

        assertThat(run().sent()).as("only the letters without a digest key go out one by one").isEqualTo(2);
        assertThat(platform.mail().digests().runDue(clock.instant())).as("the day is not over").isZero();
        clock.set(Instant.parse("2026-03-05T06:00:00Z"));
        assertThat(platform.mail().digests().runDue(clock.instant())).as("before the digest hour (7)").isZero();
        clock.set(Instant.parse("2026-03-05T07:30:00Z"));
        submit("write-digest", "Zoe", "Next", "zoe@example.org", "Salem", "Zoe writes the next day.");

        assertThat(platform.mail().digests().runDue(clock.instant())).isEqualTo(2);
        assertThat(platform.mail().digests().runDue(clock.instant())).isZero();
        assertThat(run().sent()).isEqualTo(2);

        List<MimeMessage> digests = Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> messageId(m).startsWith("<digest.20260304.")).toList();
        assertThat(digests).hasSize(2);
        for (MimeMessage m : digests) {
            InternetAddress to = (InternetAddress) m.getRecipients(MimeMessage.RecipientType.TO)[0];
            assertThat(to.getAddress()).isIn(SENATOR, REP);
            assertThat(((InternetAddress) m.getFrom()[0]).getPersonal()).isEqualTo("Constituents via Safe Communities Coalition");
            assertThat(m.getHeader("Reply-To")).isNull();
            assertThat(m.getSubject()).isEqualTo("3 letters from constituents, 2026-03-04: Please co-sponsor the Safe Communities Act");
            String body = text(m);
            assertThat(body).contains("3 constituents wrote to you on Wednesday 4 March 2026 through Safe Communities Coalition")
                    .contains("1. Jane Doe, Salem <jane@example.org>").contains("Jane's letter.")
                    .contains("2. John Roe, Lowell <john@example.org>").contains("John's letter.")
                    .contains("3. Ana Silva, Chelsea <ana@example.org>").contains("Ana's letter.")
                    .contains("Dear " + to.getPersonal())
                    .doesNotContain("Zoe").doesNotContain("Bob");
        }
        assertThat(greenMail.getReceivedMessages()).hasSize(4);

        List<OutboxMessage> rows = rows();
        Map<String, Long> digestIdByRecipient = new HashMap<>();
        rows.stream().filter(r -> r.getKind() == OutboxKind.DIGEST).forEach(d -> {
            assertThat(d.getState()).isEqualTo(OutboxState.SENT);
            digestIdByRecipient.put(d.getToAddress(), d.getId());
        });
        assertThat(digestIdByRecipient).hasSize(2);
        List<OutboxMessage> folded = rows.stream().filter(r -> r.getDigestId() != null).toList();
        assertThat(folded).hasSize(6).allSatisfy(r -> {
            assertThat(r.getState()).isEqualTo(OutboxState.SENT);
            assertThat(r.getDigestId()).isEqualTo(digestIdByRecipient.get(r.getToAddress()));
        });
        assertThat(rows).filteredOn(r -> r.getFromName().startsWith("Zoe")).hasSize(2)
                .allSatisfy(r -> assertThat(r.getState()).isEqualTo(OutboxState.QUEUED));
        assertThat(thankYouStates("write-digest", jane)).containsExactly("sent", "sent");
    }

    @ParameterizedTest
    @MethodSource("org.chorus.host.TestDatabases#names")
    void twoWorkersRacingNeverSendARowTwice(String db) throws Exception {
        int port = freePort();
        greenMail(port);
        start(db, Map.of("platform.mail.smtp.host", "127.0.0.1", "platform.mail.smtp.port", Integer.toString(port),
                "platform.mail.worker.batch.size", "10"));
        int n = 200;
        platform.transactions().inTransaction(() -> {
            for (int i = 0; i < n; i++) {
                platform.transactions().em().persist(new OutboxMessage("<race." + i + "@test.example>", "office" + i
                        + "@example.org", null, "Jane via Test", null, "Race " + i, "Body " + i, clock.instant()));
            }
        });
        OutboxWorker a = platform.mail().newWorker();
        OutboxWorker b = platform.mail().newWorker();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> sent = pool.invokeAll(List.of(() -> drain(a), () -> drain(b)), 60, TimeUnit.SECONDS);
            int byA = sent.get(0).get();
            int byB = sent.get(1).get();
            assertThat(byA + byB).isEqualTo(n);
        } finally {
            pool.shutdownNow();
        }
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(n);
        Set<String> ids = new HashSet<>();
        for (MimeMessage m : received) {
            ids.add(m.getMessageID());
        }
        assertThat(ids).hasSize(n);
        assertThat(rows()).allSatisfy(r -> {
            assertThat(r.getState()).isEqualTo(OutboxState.SENT);
            assertThat(r.getAttempts()).isEqualTo(1);
        });
    }

    private static int drain(OutboxWorker w) {
        int sent = 0;
        int idle = 0;
        while (idle < 3) {
            OutboxWorker.Report r = w.runOnce();
            sent += r.sent();
            idle = r.claimed() == 0 ? idle + 1 : 0;
        }
        return sent;
    }

    @Test
    void aRefusedLoginIsTransientNotDead() throws Exception {
        int port = freePort();
        greenMail(port).setUser("letters@chorus.example", "letters", "the-right-one");
        start("h2", Map.of("platform.mail.smtp.host", "127.0.0.1", "platform.mail.smtp.port", Integer.toString(port),
                "platform.mail.smtp.username", "letters", "platform.mail.smtp.password", "a-wrong-one"));
        submit("write", "Jane", "Doe", "jane@example.org", "Salem", "Hello.");

        OutboxWorker.Report r = run();

        assertThat(r.failed()).as("a configuration problem must not kill the letters").isEqualTo(2);
        assertThat(rows()).allSatisfy(row -> {
            assertThat(row.getState()).isEqualTo(OutboxState.FAILED);
            assertThat(row.getLastError()).contains("SMTP login to 127.0.0.1:" + port + " refused");
        });
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void onTheContainerScheduleTheWorkerDeliversInTheBackground() throws Exception {
        scheduler = Executors.newSingleThreadScheduledExecutor();
        start("h2", Map.of("platform.mail.worker.interval.millis", "50"));
        submit("write", "Jane", "Doe", "jane@example.org", "Salem", "Hello.");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!rows().stream().allMatch(r -> r.getState() == OutboxState.SENT) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(rows()).hasSize(2).allSatisfy(r -> assertThat(r.getState()).isEqualTo(OutboxState.SENT));
        assertThat(platform.mail().sink().list(10)).hasSize(2);
    }

    @Test
    void theScheduleCanBeSwitchedOff() throws Exception {
        scheduler = Executors.newSingleThreadScheduledExecutor();
        start("h2", Map.of("platform.mail.worker.interval.millis", "50", "platform.mail.worker.enabled", "false"));
        submit("write", "Jane", "Doe", "jane@example.org", "Salem", "Hello.");

        Thread.sleep(300);

        assertThat(rows()).hasSize(2).allSatisfy(r -> assertThat(r.getState()).isEqualTo(OutboxState.QUEUED));
        assertThat(run().sent()).as("the worker still answers a direct call").isEqualTo(2);
    }

    @Test
    void dkimSignaturesVerifyWithThePublishedKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair keys = g.generateKeyPair();
        Path keyFile = dir.resolve("dkim.pem");
        Files.writeString(keyFile, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        int port = freePort();
        greenMail(port);
        Map<String, String> extra = new HashMap<>(smtp(port));
        extra.put("platform.mail.dkim.domain", "chorus.example");
        extra.put("platform.mail.dkim.selector", "letters2026");
        extra.put("platform.mail.dkim.private.key.file", keyFile.toString());
        start("h2", extra);
        submit("write", "Jane", "Doe", "jane@example.org", "Salem", "Signed, with a long line: " + "x".repeat(200));

        assertThat(run().sent()).isEqualTo(2);

        for (MimeMessage m : greenMail.getReceivedMessages()) {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            m.writeTo(raw);
            Map<String, String> tags = DkimVerifier.verify(raw.toByteArray(), keys.getPublic());
            assertThat(tags).containsEntry("d", "chorus.example").containsEntry("s", "letters2026");
            assertThat(tags.get("h").toLowerCase(Locale.ROOT).split(":"))
                    .contains("from", "sender", "reply-to", "to", "subject", "date", "message-id");
            assertThat(m.getMessageID()).endsWith("@act.chorus.example>"); // the row's, not one the copy invented
        }
    }
}
