import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.chorus.host.application.Platform;
import org.chorus.host.application.mail.OutboxWorker;
import org.chorus.host.domain.outbox.OutboxMessage;
import org.chorus.host.infrastructure.config.PlatformConfig;

/**
 * Outbox → GreenMail: letters per second. Starts a real platform (H2 file database, or PostgreSQL with
 * BENCH_DB=postgresql), queues N letters, and times the delivery worker(s) draining them into an in-process
 * GreenMail SMTP server: claim, compose, SMTP over one reused connection per batch, SENT committed per letter.
 * A first, smaller round warms the JIT and is not counted.
 *
 * Arguments: [letters=5000] [workers=1] [batch=50]
 */
public final class OutboxBenchmark {

    public static void main(String[] args) throws Exception {
        int letters = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        String db = System.getenv().getOrDefault("BENCH_DB", "h2");
        Path repo = Path.of(System.getProperty("chorus.repo", ".")).toAbsolutePath().normalize();
        Path dir = Files.createTempDirectory("outbox-bench");

        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();

        Map<String, String> cfg = new HashMap<>();
        cfg.put("platform.data.dir", dir.toString());
        cfg.put("platform.themes.dir", repo.resolve("themes").toString());
        cfg.put("platform.campaigns.dir", Files.createDirectories(dir.resolve("campaigns")).toString());
        cfg.put("platform.plugins.dir", Files.createDirectories(dir.resolve("plugins")).toString());
        cfg.put("platform.mail.smtp.host", "127.0.0.1");
        cfg.put("platform.mail.smtp.port", Integer.toString(port));
        cfg.put("platform.mail.from.address", "letters@chorus.example");
        cfg.put("platform.mail.bounce.address", "bounces@chorus.example");
        cfg.put("platform.mail.worker.batch.size", Integer.toString(batch));
        String schema = null;
        if (db.equals("postgresql")) {
            schema = "chorus_bench_" + ProcessHandle.current().pid();
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")) {
                c.createStatement().execute("CREATE SCHEMA " + schema);
            }
            cfg.put("platform.db.url", "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema);
            cfg.put("platform.db.user", "postgres");
        }

        try (Platform p = Platform.start(PlatformConfig.of(cfg), Clock.systemUTC(), Runnable::run)) {
            List<OutboxWorker> ws = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                ws.add(p.mail().newWorker());
            }
            round(p, ws, Math.max(500, letters / 5), "warm-up");
            greenMail.purgeEmailFromAllMailboxes();
            double perSecond = round(p, ws, letters, "measured");
            int received = greenMail.getReceivedMessages().length;
            System.out.printf("Outbox -> GreenMail (%s, %d worker(s), batch %d): %d letters in the measured round,"
                    + " %d received: %.0f letters/s%n", db, workers, batch, letters, received, perSecond);
            if (received != letters) {
                throw new IllegalStateException("GreenMail received " + received + " of " + letters);
            }
        } finally {
            greenMail.stop();
            if (schema != null) {
                try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")) {
                    c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
    }

    private static double round(Platform p, List<OutboxWorker> workers, int n, String name) throws Exception {
        var tx = p.transactions();
        for (int done = 0; done < n; done += 500) {
            int from = done;
            tx.inTransaction(() -> {
                for (int i = from; i < Math.min(n, from + 500); i++) {
                    String id = name + "." + i;
                    tx.em().persist(new OutboxMessage("<" + id + "." + System.nanoTime() + "@bench.chorus.example>",
                            "office" + (i % 200) + "@malegislature.example", "Senator " + i, "Jane Doe " + i + " via Bench Coalition",
                            "jane" + i + "@example.org", "Please co-sponsor H.2580 / S.1681",
                            "Dear Senator,\n\n" + "I live in your district and ask you to co-sponsor the Safe Communities Act. ".repeat(12)
                                    + "\n\nSincerely,\nJane Doe " + i + "\nSalem\n", Clock.systemUTC().instant()));
                }
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers.size());
        long t0 = System.nanoTime();
        List<Future<Integer>> sent = new ArrayList<>();
        for (OutboxWorker w : workers) {
            sent.add(pool.submit(() -> {
                int s = 0;
                for (OutboxWorker.Report r = w.runOnce(); r.claimed() > 0; r = w.runOnce()) {
                    s += r.sent();
                }
                return s;
            }));
        }
        int total = 0;
        for (Future<Integer> f : sent) {
            total += f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        if (total != n) {
            throw new IllegalStateException(name + ": sent " + total + " of " + n);
        }
        System.out.printf("  %s: %d letters in %.2f s%n", name, n, seconds);
        return n / seconds;
    }
}
