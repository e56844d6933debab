package org.chorus.host.application.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The TOTP implementation against the test vectors of RFC 6238 (appendix B), RFC 4226 (appendix D) and RFC 4648. */
class TotpTest {

    private static final byte[] SHA1_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_KEY = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_KEY = "1234567890123456789012345678901234567890123456789012345678901234"
            .getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({
            "59,          94287082, 46119246, 90693936",
            "1111111109,  07081804, 68084774, 25091201",
            "1111111111,  14050471, 67062674, 99943326",
            "1234567890,  89005924, 91819424, 93441116",
            "2000000000,  69279037, 90698825, 38618901",
            "20000000000, 65353130, 77737706, 47863826"})
    void rfc6238Vectors(long seconds, String sha1, String sha256, String sha512) {
        long step = Totp.step(Instant.ofEpochSecond(seconds));
        assertThat(Totp.code(SHA1_KEY, step, 8, "HmacSHA1")).isEqualTo(sha1);
        assertThat(Totp.code(SHA256_KEY, step, 8, "HmacSHA256")).isEqualTo(sha256);
        assertThat(Totp.code(SHA512_KEY, step, 8, "HmacSHA512")).isEqualTo(sha512);
    }

    @Test
    void rfc4226HotpVectors() {
        String[] expected = {"755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"};
        for (int counter = 0; counter < expected.length; counter++) {
            assertThat(Totp.code(SHA1_KEY, counter, 6, "HmacSHA1")).as("counter %d", counter).isEqualTo(expected[counter]);
        }
    }

    @Test
    void base32IsRfc4648WithoutPadding() {
        String[][] vectors = {{"", ""}, {"f", "MY"}, {"fo", "MZXQ"}, {"foo", "MZXW6"}, {"foob", "MZXW6YQ"},
                {"fooba", "MZXW6YTB"}, {"foobar", "MZXW6YTBOI"}};
        for (String[] v : vectors) {
            assertThat(Totp.base32(v[0].getBytes(StandardCharsets.US_ASCII))).isEqualTo(v[1]);
            assertThat(new String(Totp.decodeBase32(v[1]), StandardCharsets.US_ASCII)).isEqualTo(v[0]);
        }
        assertThat(Totp.decodeBase32("mzxw 6ytb oi======")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
        String secret = Totp.newSecret();
        assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
        assertThat(Totp.decodeBase32(secret)).hasSize(20);
    }

    @Test
    void aCodeIsAcceptedForTheStepsAroundNowAndOnlyOnce() {
        String secret = Totp.base32(SHA1_KEY);
        Instant now = Instant.ofEpochSecond(1111111111);
        long step = Totp.step(now);
        assertThat(Totp.code(secret, step)).isEqualTo("050471"); // the RFC's 8 digits, last 6
        assertThat(Totp.verify(secret, "050471", now, null)).hasValue(step);
        assertThat(Totp.verify(secret, "050 471", now, null)).hasValue(step);
        assertThat(Totp.verify(secret, Totp.code(secret, step - 1), now, null)).hasValue(step - 1); // a slow phone
        assertThat(Totp.verify(secret, Totp.code(secret, step + 1), now, null)).hasValue(step + 1);
        assertThat(Totp.verify(secret, Totp.code(secret, step - 2), now, null)).isEmpty();
        assertThat(Totp.verify(secret, "050471", now, step)).as("used already").isEmpty();
        assertThat(Totp.verify(secret, "12345", now, null)).isEmpty();
        assertThat(Totp.verify(secret, "abcdef", now, null)).isEmpty();
        assertThat(Totp.verify(secret, null, now, null)).isEmpty();
    }

    @Test
    void theUriIsWhatAuthenticatorAppsImport() {
        assertThat(Totp.uri("Safe Communities", "ann@example.org", "JBSWY3DPEHPK3PXP")).isEqualTo(
                "otpauth://totp/Safe%20Communities:ann%40example.org?secret=JBSWY3DPEHPK3PXP&issuer=Safe%20Communities"
                        + "&algorithm=SHA1&digits=6&period=30");
        assertThat(TwoFactor.grouped("JBSWY3DPEHPK3PXP")).isEqualTo("JBSW Y3DP EHPK 3PXP");
    }
}
