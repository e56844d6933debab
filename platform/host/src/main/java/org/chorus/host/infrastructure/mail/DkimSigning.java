package org.chorus.host.infrastructure.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;

/**
 * DKIM signatures with {@code org.simplejavamail:utils-mail-dkim} (maintained, Jakarta Mail 2): rsa-sha256,
 * relaxed/relaxed canonicalization (survives the header re-folding and trailing-space changes relays make).
 * The signature is computed when the message is written, over From, Sender, Reply-To, To, Subject, Date,
 * Message-ID, the MIME headers and the body. The library's own DNS check of the published key is off: it would
 * be one DNS query per message and fail without network; publishing the key is the operator's job (README).
 *
 * <p>The key is read once, at start, so a wrong path or format stops the platform instead of every message.
 */
public final class DkimSigning implements MailComposer.MessageSigner {

    private final DkimSigner signer;

    public DkimSigning(MailSettings.Dkim settings) {
        try {
            this.signer = new DkimSigner(settings.domain(), settings.selector(), readKey(settings));
            signer.setCheckDomainKey(false);
            signer.setHeaderCanonicalization(Canonicalization.RELAXED);
            signer.setBodyCanonicalization(Canonicalization.RELAXED);
        } catch (Exception e) {
            throw new IllegalArgumentException("DKIM for " + settings.domain() + " (selector " + settings.selector()
                    + ") cannot be set up: " + e.getMessage(), e);
        }
    }

    /** An RSA key in PKCS#8, PEM ({@code -----BEGIN PRIVATE KEY-----}) or DER. */
    static RSAPrivateKey readKey(MailSettings.Dkim settings) throws IOException, GeneralSecurityException {
        byte[] bytes = Files.readAllBytes(settings.privateKeyFile());
        String text = new String(bytes, StandardCharsets.US_ASCII);
        if (text.contains("-----BEGIN RSA PRIVATE KEY-----")) {
            throw new GeneralSecurityException("the key is PKCS#1; convert it with "
                    + "'openssl pkcs8 -topk8 -nocrypt -in old.pem -out " + settings.privateKeyFile().getFileName() + "'");
        }
        if (text.contains("-----BEGIN PRIVATE KEY-----")) {
            String b64 = text.substring(text.indexOf("-----BEGIN PRIVATE KEY-----") + 27, text.indexOf("-----END PRIVATE KEY-----"));
            bytes = Base64.getMimeDecoder().decode(b64);
        }
        return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(bytes));
    }

    @Override
    public MimeMessage sign(MimeMessage message) throws MessagingException {
        return new DkimMessage(message, signer);
    }
}
