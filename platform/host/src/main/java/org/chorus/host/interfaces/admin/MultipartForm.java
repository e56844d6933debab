package org.chorus.host.interfaces.admin;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.chorus.api.admin.Upload;

/**
 * A {@code multipart/form-data} body (RFC 7578) already held in memory, bounded by {@code RequestLimits}: text
 * fields and file parts. Parsed by hand because the JAX-RS 3.1 {@code EntityPart} needs Jersey's multipart feature,
 * which Payara does not enable for every application, and an admin upload is small.
 */
public record MultipartForm(Map<String, List<String>> fields, Map<String, Upload> files) {

    /** The boundary parameter of a multipart content type, if any. */
    public static Optional<String> boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return Optional.empty();
        }
        for (String param : contentType.split(";")) {
            String p = param.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = p.substring("boundary=".length());
                if (b.length() > 1 && b.startsWith("\"") && b.endsWith("\"")) {
                    b = b.substring(1, b.length() - 1);
                }
                return b.isEmpty() || b.length() > 200 ? Optional.empty() : Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /** @throws IllegalArgumentException with what is wrong when the body is not a well-formed multipart form */
    public static MultipartForm parse(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        Map<String, List<String>> fields = new LinkedHashMap<>();
        Map<String, Upload> files = new LinkedHashMap<>();
        int pos = indexOf(body, delimiter, 0);
        if (pos < 0) {
            throw new IllegalArgumentException("the form has no parts");
        }
        while (true) {
            int after = pos + delimiter.length;
            if (after + 1 < body.length && body[after] == '-' && body[after + 1] == '-') {
                break; // closing delimiter
            }
            int headersStart = skipLineBreak(body, after);
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
            if (headersEnd < 0) {
                throw new IllegalArgumentException("a form part has no end of headers");
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            int contentStart = headersEnd + 4;
            int next = indexOf(body, delimiter, contentStart);
            if (next < 0) {
                throw new IllegalArgumentException("the form ends without its closing boundary");
            }
            int contentEnd = next - 2 >= contentStart && body[next - 2] == '\r' && body[next - 1] == '\n' ? next - 2 : next;
            byte[] content = java.util.Arrays.copyOfRange(body, contentStart, contentEnd);
            String name = null;
            String fileName = null;
            String type = "application/octet-stream";
            for (String line : headers.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String key = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).trim();
                if (key.equals("content-disposition")) {
                    name = param(value, "name");
                    fileName = param(value, "filename");
                } else if (key.equals("content-type")) {
                    type = value;
                }
            }
            if (name != null) {
                if (fileName != null) {
                    files.put(name, new Upload(fileName, type, content));
                } else {
                    fields.computeIfAbsent(name, k -> new ArrayList<>()).add(new String(content, StandardCharsets.UTF_8));
                }
            }
            pos = next;
        }
        return new MultipartForm(fields, files);
    }

    private static String param(String disposition, String name) {
        for (String part : disposition.split(";")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase(name)) {
                String v = p.substring(eq + 1).trim();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1).replace("\\\"", "\"");
                }
                return v;
            }
        }
        return null;
    }

    private static int skipLineBreak(byte[] b, int i) {
        if (i + 1 < b.length && b[i] == '\r' && b[i + 1] == '\n') {
            return i + 2;
        }
        return i < b.length && b[i] == '\n' ? i + 1 : i;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
