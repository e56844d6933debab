package org.chorus.host.application.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP), with the JDK's HMAC only: 30-second steps from the
 * Unix epoch, 6 digits, HMAC-SHA1 for authenticator apps (SHA-256/512 for the RFC's test vectors). Secrets travel
 * as unpadded base32 (RFC 4648), as apps expect.
 */
public final class Totp {

    public static final int STEP_SECONDS = 30;
    public static final int DIGITS = 6;
    /** Steps either side of now that are accepted: a phone clock off by up to 30 s still works. */
    static final int WINDOW = 1;
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {
    }

    /** A new 160-bit secret (RFC 4226 recommends 160), base32. */
    public static String newSecret() {
        byte[] b = new byte[20];
        RANDOM.nextBytes(b);
        return base32(b);
    }

    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The code for a time step: HOTP(secret, step) truncated to {@code digits} (RFC 4226 section 5.3). */
    public static String code(byte[] key, long step, int digits, String hmac) {
        try {
            Mac mac = Mac.getInstance(hmac);
            mac.init(new SecretKeySpec(key, hmac));
            byte[] h = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(step).array());
            int offset = h[h.length - 1] & 0x0f;
            int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8) | (h[offset + 3] & 0xff);
            int otp = binary % (int) Math.pow(10, digits);
            return String.format(Locale.ROOT, "%0" + digits + "d", otp);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(hmac + " is not available", e);
        }
    }

    public static String code(String base32Secret, long step) {
        return code(decodeBase32(base32Secret), step, DIGITS, "HmacSHA1");
    }

    /**
     * The step a submitted code belongs to, if it is right for now (± {@link #WINDOW} steps) and later than
     * {@code lastUsedStep} (a code is good once). Compared in constant time.
     */
    public static OptionalLong verify(String base32Secret, String submitted, Instant now, Long lastUsedStep) {
        if (base32Secret == null || submitted == null) {
            return OptionalLong.empty();
        }
        String digits = submitted.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        byte[] key = decodeBase32(base32Secret);
        long current = step(now);
        OptionalLong match = OptionalLong.empty();
        for (long s = current - WINDOW; s <= current + WINDOW; s++) {
            boolean same = MessageDigest.isEqual(code(key, s, DIGITS, "HmacSHA1").getBytes(StandardCharsets.US_ASCII),
                    digits.getBytes(StandardCharsets.US_ASCII));
            if (same && (lastUsedStep == null || s > lastUsedStep) && match.isEmpty()) {
                match = OptionalLong.of(s);
            }
        }
        return match;
    }

    /** The otpauth URI authenticator apps import (Key Uri Format). */
    public static String uri(String issuer, String account, String base32Secret) {
        String label = enc(issuer) + ":" + enc(account);
        return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + enc(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static String base32(byte[] data) {
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /** Base32, any case, spaces and padding ignored. */
    public static byte[] decodeBase32(String s) {
        String clean = s.replaceAll("[\\s=-]", "").toUpperCase(Locale.ROOT);
        byte[] out = new byte[clean.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int n = 0;
        for (int i = 0; i < clean.length(); i++) {
            int v = BASE32.indexOf(clean.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("not base32: " + clean.charAt(i));
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out[n++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }
}
