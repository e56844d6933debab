package org.chorus.it;

import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;

/** A staff member's browser-like HTTP client for the admin console: its own cookies, no redirects followed. */
final class StaffClient {

    private final URL base;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    StaffClient(URL base) {
        this.base = base;
    }

    HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> bytes(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> login(String email, String password) throws Exception {
        return post("/admin/login", Map.of("email", email, "password", password, "next", "/admin"));
    }

    /** A multipart form with fields and one file part named {@code file} (CSV). */
    HttpResponse<String> upload(String path, Map<String, String> fields, String fileName, String content) throws Exception {
        String boundary = "----chorus" + java.util.UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(k).append("\"\r\n\r\n").append(v).append("\r\n"));
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(fileName).append("\"\r\nContent-Type: text/csv\r\n\r\n").append(content).append("\r\n--")
                .append(boundary).append("--\r\n");
        return client.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The session's CSRF token, from any console page's forms. */
    String csrf(String page) throws Exception {
        return Jsoup.parse(get(page).body()).select("input[name=_csrf]").attr("value");
    }

    /** A state-changing form post with this session's CSRF token (read from {@code page}). */
    HttpResponse<String> submit(String page, String path, Map<String, String> form) throws Exception {
        Map<String, String> f = new java.util.LinkedHashMap<>(form);
        f.put("_csrf", csrf(page));
        return post(path, f);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
