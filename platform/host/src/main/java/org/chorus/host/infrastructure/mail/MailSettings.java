package org.chorus.host.infrastructure.mail;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import org.chorus.host.infrastructure.config.PlatformConfig;

/**
 * The {@code platform.mail.*} settings (see README, Configuration). Without {@code platform.mail.smtp.host}
 * the outbox delivers to the local sink.
 */
public record MailSettings(Optional<String> smtpHost, int smtpPort, Optional<String> username, String password,
                           boolean starttls, Duration connectTimeout, Duration readTimeout, Optional<String> heloName,
                           String fromAddress, Optional<String> bounceAddress,
                           boolean workerEnabled, Duration interval, int batchSize, int maxAttempts,
                           Duration backoffBase, Duration backoffMax, Duration lease, int ratePerDomainPerMinute,
                           Optional<Dkim> dkim, int digestHour, ZoneId digestZone, Path sinkDir, String messageIdDomain) {

    /** DKIM signing: {@code d=} domain, {@code s=} selector and an RSA private key (PKCS#8, PEM or DER). */
    public record Dkim(String domain, String selector, Path privateKeyFile) {
    }

    /**
     * @param mailDomain the host of the platform's base URL: default domain of the letters address and of
     *                   Message-IDs
     */
    public static MailSettings from(PlatformConfig c, String mailDomain) {
        Optional<String> host = c.get("platform.mail.smtp.host");
        boolean starttls = Boolean.parseBoolean(c.get("platform.mail.smtp.starttls", "false"));
        Optional<Dkim> dkim = Optional.empty();
        Optional<String> dkimDomain = c.get("platform.mail.dkim.domain");
        if (dkimDomain.isPresent()) {
            dkim = Optional.of(new Dkim(dkimDomain.get(),
                    c.get("platform.mail.dkim.selector").orElseThrow(() -> new IllegalArgumentException(
                            "platform.mail.dkim.domain is set: platform.mail.dkim.selector is needed too")),
                    Path.of(c.get("platform.mail.dkim.private.key.file").orElseThrow(() -> new IllegalArgumentException(
                            "platform.mail.dkim.domain is set: platform.mail.dkim.private.key.file is needed too")))
                            .toAbsolutePath()));
        }
        int hour = integer(c, "platform.mail.digest.hour", 7);
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("platform.mail.digest.hour must be 0-23, not " + hour);
        }
        return new MailSettings(host,
                integer(c, "platform.mail.smtp.port", 25),
                c.get("platform.mail.smtp.username"),
                c.get("platform.mail.smtp.password", ""),
                starttls,
                Duration.ofMillis(integer(c, "platform.mail.smtp.connect.timeout.millis", 10_000)),
                Duration.ofMillis(integer(c, "platform.mail.smtp.read.timeout.millis", 30_000)),
                c.get("platform.mail.smtp.helo"),
                c.get("platform.mail.from.address", "letters@" + mailDomain),
                c.get("platform.mail.bounce.address"),
                Boolean.parseBoolean(c.get("platform.mail.worker.enabled", "true")),
                Duration.ofMillis(integer(c, "platform.mail.worker.interval.millis", 5_000)),
                integer(c, "platform.mail.worker.batch.size", 50),
                integer(c, "platform.mail.worker.max.attempts", 8),
                Duration.ofSeconds(integer(c, "platform.mail.worker.backoff.base.seconds", 30)),
                Duration.ofSeconds(integer(c, "platform.mail.worker.backoff.max.seconds", 3_600)),
                Duration.ofSeconds(integer(c, "platform.mail.worker.lease.seconds", 300)),
                integer(c, "platform.mail.rate.per.domain.per.minute", 0),
                dkim,
                hour,
                ZoneId.of(c.get("platform.mail.digest.zone", "UTC")),
                c.dataDir().resolve("mail-sink"),
                mailDomain);
    }

    private static int integer(PlatformConfig c, String key, int defaultValue) {
        String v = c.get(key, Integer.toString(defaultValue));
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not '" + v + "'");
        }
    }

    /** Where mail goes, for logs: never the password. */
    public String describe() {
        return smtpHost.map(h -> "SMTP " + h + ":" + smtpPort + (starttls ? " (STARTTLS)" : "")
                        + username.map(u -> " as " + u).orElse(""))
                .orElse("the local sink " + sinkDir + " (no platform.mail.smtp.host)");
    }
}
