package org.chorus.host.application.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An independent check of a DKIM signature (RFC 6376, rsa-sha256, relaxed/relaxed), written for the test so the
 * signing library is not its own judge: body hash, then the signature over the canonical signed headers.
 */
final class DkimVerifier {

    private DkimVerifier() {
    }

    /** Returns the signature's tags when it verifies; throws AssertionError saying why when it does not. */
    static Map<String, String> verify(byte[] raw, PublicKey key) throws Exception {
        String msg = new String(raw, StandardCharsets.ISO_8859_1);
        int split = msg.indexOf("\r\n\r\n");
        List<String> fields = fields(msg.substring(0, split + 2));
        String body = msg.substring(split + 4);

        String sigField = fields.stream().filter(f -> f.regionMatches(true, 0, "DKIM-Signature:", 0, 15)).findFirst()
                .orElseThrow(() -> new AssertionError("no DKIM-Signature header"));
        Map<String, String> tags = new LinkedHashMap<>();
        for (String t : sigField.substring(15).split(";")) {
            int eq = t.indexOf('=');
            if (eq > 0) {
                tags.put(t.substring(0, eq).trim(), t.substring(eq + 1).replaceAll("\\s+", ""));
            }
        }
        if (!"rsa-sha256".equals(tags.get("a")) || !"relaxed/relaxed".equals(tags.get("c"))) {
            throw new AssertionError("unexpected algorithm or canonicalization: " + tags);
        }
        byte[] bodyHash = MessageDigest.getInstance("SHA-256").digest(relaxedBody(body).getBytes(StandardCharsets.ISO_8859_1));
        if (!Base64.getEncoder().encodeToString(bodyHash).equals(tags.get("bh"))) {
            throw new AssertionError("body hash does not match");
        }
        StringBuilder signed = new StringBuilder();
        Map<String, Integer> used = new HashMap<>();
        for (String name : tags.get("h").split(":")) {
            String n = name.trim().toLowerCase(Locale.ROOT);
            // The last unused instance of the name, counting from the bottom (RFC 6376 5.4.2).
            List<String> instances = new ArrayList<>();
            for (String f : fields) {
                if (f.substring(0, f.indexOf(':')).trim().toLowerCase(Locale.ROOT).equals(n)) {
                    instances.add(f);
                }
            }
            int k = used.merge(n, 1, Integer::sum);
            if (k <= instances.size()) {
                signed.append(relaxedHeader(instances.get(instances.size() - k))).append("\r\n");
            }
        }
        String sigWithoutB = sigField.replaceAll("(?<=[;:\\s])b=[^;]*", "b=");
        signed.append(relaxedHeader(sigWithoutB));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initVerify(key);
        s.update(signed.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!s.verify(Base64.getDecoder().decode(tags.get("b")))) {
            throw new AssertionError("signature does not verify over: " + signed);
        }
        return tags;
    }

    /** Header fields with their continuation lines (CRLFs kept). */
    private static List<String> fields(String headerBlock) {
        List<String> out = new ArrayList<>();
        for (String line : headerBlock.split("\r\n")) {
            if (!out.isEmpty() && (line.startsWith(" ") || line.startsWith("\t"))) {
                out.set(out.size() - 1, out.get(out.size() - 1) + "\r\n" + line);
            } else if (!line.isEmpty()) {
                out.add(line);
            }
        }
        return out;
    }

    private static String relaxedHeader(String field) {
        int colon = field.indexOf(':');
        String name = field.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = field.substring(colon + 1).replace("\r\n", "").replaceAll("[ \t]+", " ").trim();
        return name + ":" + value;
    }

    private static String relaxedBody(String body) {
        List<String> lines = new ArrayList<>(List.of(body.split("\r\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1); // the split after the final CRLF
        }
        for (int i = 0; i < lines.size(); i++) {
            lines.set(i, lines.get(i).replaceAll("[ \t]+", " ").replaceAll(" $", ""));
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines.isEmpty() ? "" : String.join("\r\n", lines) + "\r\n";
    }
}
