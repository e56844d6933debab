package org.chorus.it;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the browser fetched since the last read, from Chrome's DevTools performance log (Network events): each
 * request's URL, resource type, MIME type and bytes transferred over the wire.
 */
public final class NetworkLog {

    /** One request; {@code transferred} is -1 when it never finished (failed or still loading). */
    public record Request(String id, URI url, String type, String mimeType, long transferred) {
    }

    private NetworkLog() {
    }

    public static List<Request> read(WebDriver driver) {
        Events events = new Events();
        events.add(driver);
        return events.requests();
    }

    /**
     * Like {@link #read} once every request the page started has finished or failed (e.g. the favicon, fetched after
     * the load event); gives up waiting after {@code patience}, leaving the unfinished ones at -1.
     */
    public static List<Request> readWhenSettled(WebDriver driver, Duration patience) {
        Events events = new Events();
        events.add(driver);
        try {
            new WebDriverWait(driver, patience).until(d -> {
                events.add(d);
                return events.settled();
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            // the caller's assertions say which request never finished
        }
        return events.requests();
    }

    /** DevTools events read so far, by request. */
    private static final class Events {
        final Map<String, String[]> seen = new LinkedHashMap<>(); // id → url, type, mime
        final Map<String, Long> sizes = new LinkedHashMap<>();
        final Set<String> ended = new HashSet<>();
        final Json json = new Json();

        @SuppressWarnings("unchecked")
        void add(WebDriver driver) {
            for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
                Map<String, Object> entry = json.toType(e.getMessage(), Map.class);
                Map<String, Object> message = (Map<String, Object>) entry.get("message");
                String method = String.valueOf(message.get("method"));
                Map<String, Object> params = (Map<String, Object>) message.get("params");
                if (params == null) {
                    continue;
                }
                String id = String.valueOf(params.get("requestId"));
                switch (method) {
                    case "Network.requestWillBeSent" -> {
                        Map<String, Object> request = (Map<String, Object>) params.get("request");
                        String url = String.valueOf(request.get("url"));
                        if (url.startsWith("http")) {
                            String[] old = seen.get(id);
                            seen.put(id, new String[] {url, String.valueOf(params.get("type")), old == null ? "" : old[2]});
                        }
                    }
                    case "Network.responseReceived" -> {
                        String[] r = seen.get(id);
                        Map<String, Object> response = (Map<String, Object>) params.get("response");
                        if (r != null && response != null) {
                            r[2] = String.valueOf(response.get("mimeType"));
                        }
                    }
                    case "Network.loadingFinished" -> {
                        Object n = params.get("encodedDataLength");
                        sizes.merge(id, n instanceof Number num ? num.longValue() : 0L, Long::sum);
                        ended.add(id);
                    }
                    case "Network.loadingFailed" -> ended.add(id);
                    default -> {
                    }
                }
            }
        }

        boolean settled() {
            return ended.containsAll(seen.keySet());
        }

        List<Request> requests() {
            List<Request> out = new ArrayList<>();
            seen.forEach((id, r) -> out.add(new Request(id, URI.create(r[0]), r[1], r[2], sizes.getOrDefault(id, -1L))));
            return out;
        }
    }
}
